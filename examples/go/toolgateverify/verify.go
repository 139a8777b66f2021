// Package toolgateverify verifies Toolgate request signatures (docs/signing.md). Go standard library only.
package toolgateverify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Scheme is a tool's signature scheme, named as in Toolgate's REST API.
type Scheme string

const (
	// Toolgate is X-Toolgate-Signature: t=<ts>,v1=<hex HMAC-SHA256 of "<ts>.<payload>"> (Stripe-compatible).
	Toolgate Scheme = "toolgate"
	// StandardWebhooks is webhook-id, webhook-timestamp, webhook-signature: v1,<base64> (Standard Webhooks 1.0).
	StandardWebhooks Scheme = "standard_webhooks"
)

// DefaultTolerance is the largest accepted distance between the signed timestamp and now, either way.
const DefaultTolerance = 300 * time.Second

// Reason says why a request was refused.
type Reason string

// The reasons, with the same names in every Toolgate kit.
const (
	MissingHeader        Reason = "MISSING_HEADER"
	MalformedHeader      Reason = "MALFORMED_HEADER"
	NoSupportedSignature Reason = "NO_SUPPORTED_SIGNATURE"
	NoMatchingSignature  Reason = "NO_MATCHING_SIGNATURE"
	TimestampTooOld      Reason = "TIMESTAMP_TOO_OLD"
	TimestampInFuture    Reason = "TIMESTAMP_IN_FUTURE"
)

// Error is a refused request; its message never holds a secret.
type Error struct {
	Reason  Reason
	Message string
}

func (e *Error) Error() string { return string(e.Reason) + ": " + e.Message }

func fail(reason Reason, format string, args ...any) error {
	return &Error{Reason: reason, Message: fmt.Sprintf(format, args...)}
}

// Result is what a successful verification established.
type Result struct {
	Scheme      Scheme
	Timestamp   int64 // the signed unix seconds
	SecretIndex int   // which of the verifier's secrets matched
}

// Verifier checks requests for one tool. Set Tolerance or Now after New to change the defaults.
type Verifier struct {
	Scheme    Scheme
	Tolerance time.Duration
	Now       func() time.Time
	keys      [][]byte
}

var (
	timestampPattern = regexp.MustCompile(`^[0-9]{1,12}$`)
	base64Pattern    = regexp.MustCompile(`^[A-Za-z0-9+/]+={0,2}$`)
)

// New returns a verifier holding the tool's secrets (any may match; several during a rotation), with
// DefaultTolerance and the system clock. It fails on an unknown scheme, no secret, a blank secret, or a
// Standard Webhooks secret that is not whsec_<base64>; the error never holds a secret.
func New(scheme Scheme, secrets []string) (*Verifier, error) {
	if scheme != Toolgate && scheme != StandardWebhooks {
		return nil, fmt.Errorf("unknown signature scheme: %q", scheme)
	}
	if len(secrets) == 0 {
		return nil, errors.New("at least one signing secret is required")
	}
	keys := make([][]byte, len(secrets))
	for i, secret := range secrets {
		if strings.TrimSpace(secret) == "" {
			return nil, fmt.Errorf("signing secret #%d is blank", i)
		}
		if scheme == Toolgate {
			keys[i] = []byte(secret)
			continue
		}
		encoded := strings.TrimPrefix(secret, "whsec_")
		key, err := base64.StdEncoding.DecodeString(encoded)
		if !base64Pattern.MatchString(encoded) || err != nil || len(key) == 0 {
			return nil, fmt.Errorf("signing secret #%d is not whsec_<base64>", i)
		}
		keys[i] = key
	}
	return &Verifier{Scheme: scheme, Tolerance: DefaultTolerance, Now: time.Now, keys: keys}, nil
}

// SignsTarget tells whether Toolgate signs "<METHOD> <target>" instead of a body: true for GET, HEAD and DELETE.
func SignsTarget(method string) bool {
	switch strings.ToUpper(method) {
	case http.MethodGet, http.MethodHead, http.MethodDelete:
		return true
	}
	return false
}

// VerifyRequest verifies a received request whose body was already read into body: for GET, HEAD and
// DELETE the payload is "<METHOD> <r.RequestURI>", otherwise the raw body.
func (v *Verifier) VerifyRequest(r *http.Request, body []byte) (*Result, error) {
	if SignsTarget(r.Method) {
		return v.VerifyBodyless(r.Header, r.Method, r.RequestURI)
	}
	return v.Verify(r.Header, body)
}

// Verify verifies a request with a body (POST, PUT, PATCH): the payload is the raw body bytes.
func (v *Verifier) Verify(header http.Header, body []byte) (*Result, error) {
	return v.check(header, body)
}

// VerifyBodyless verifies a request without a body: the payload is "<method> <target>", target being the
// request target as on the request line, still percent-encoded (r.RequestURI).
func (v *Verifier) VerifyBodyless(header http.Header, method, target string) (*Result, error) {
	return v.check(header, []byte(method+" "+target))
}

func (v *Verifier) check(header http.Header, payload []byte) (*Result, error) {
	var timestamp int64
	var signatures []string
	var prefix string
	encode := hex.EncodeToString
	switch v.Scheme {
	case Toolgate:
		value, err := required(header, "X-Toolgate-Signature")
		if err != nil {
			return nil, err
		}
		seen := false
		for _, item := range strings.Split(value, ",") {
			entry := strings.Trim(item, " \t")
			key, val, ok := strings.Cut(entry, "=")
			if !ok {
				return nil, fail(MalformedHeader, "X-Toolgate-Signature has an entry without '='")
			}
			switch key {
			case "t":
				if seen {
					return nil, fail(MalformedHeader, "X-Toolgate-Signature has more than one t= entry")
				}
				if timestamp, err = parseTimestamp(val, "X-Toolgate-Signature t="); err != nil {
					return nil, err
				}
				seen = true
			case "v1":
				signatures = append(signatures, val)
			}
		}
		if !seen {
			return nil, fail(MalformedHeader, "X-Toolgate-Signature has no t= entry")
		}
		if len(signatures) == 0 {
			return nil, fail(NoSupportedSignature, "X-Toolgate-Signature has no v1= signature")
		}
		prefix = strconv.FormatInt(timestamp, 10) + "."
	case StandardWebhooks:
		id, err := required(header, "webhook-id")
		if err != nil {
			return nil, err
		}
		timestampText, err := required(header, "webhook-timestamp")
		if err != nil {
			return nil, err
		}
		value, err := required(header, "webhook-signature")
		if err != nil {
			return nil, err
		}
		if timestamp, err = parseTimestamp(strings.Trim(timestampText, " \t"), "webhook-timestamp"); err != nil {
			return nil, err
		}
		for _, entry := range strings.Split(value, " ") {
			if entry == "" {
				continue
			}
			version, sig, ok := strings.Cut(entry, ",")
			if !ok {
				return nil, fail(MalformedHeader, "webhook-signature has an entry without ','")
			}
			if version == "v1" {
				signatures = append(signatures, sig)
			}
		}
		if len(signatures) == 0 {
			return nil, fail(NoSupportedSignature, "webhook-signature has no v1 signature")
		}
		prefix = id + "." + strconv.FormatInt(timestamp, 10) + "."
		encode = base64.StdEncoding.EncodeToString
	default:
		return nil, fmt.Errorf("unknown signature scheme: %q", v.Scheme)
	}

	index := -1
	for i, key := range v.keys {
		mac := hmac.New(sha256.New, key)
		mac.Write([]byte(prefix))
		mac.Write(payload)
		expected := []byte(encode(mac.Sum(nil)))
		for _, candidate := range signatures {
			if hmac.Equal(expected, []byte(candidate)) {
				index = i
			}
		}
		if index >= 0 {
			break
		}
	}
	if index < 0 {
		return nil, fail(NoMatchingSignature, "no signature matches a signing secret: wrong secret, or the request was altered (verify the raw body bytes)")
	}
	now := v.Now().Unix()
	limit := int64(v.Tolerance / time.Second)
	if now-timestamp > limit {
		return nil, fail(TimestampTooOld, "the signed timestamp is %d s old", now-timestamp)
	}
	if timestamp-now > limit {
		return nil, fail(TimestampInFuture, "the signed timestamp is %d s in the future", timestamp-now)
	}
	return &Result{Scheme: v.Scheme, Timestamp: timestamp, SecretIndex: index}, nil
}

func required(header http.Header, name string) (string, error) {
	value := header.Get(name)
	if strings.Trim(value, " \t") == "" {
		return "", fail(MissingHeader, "the request has no %s header", name)
	}
	return value, nil
}

func parseTimestamp(text, what string) (int64, error) {
	if !timestampPattern.MatchString(text) {
		return 0, fail(MalformedHeader, "%s is not a unix timestamp in seconds", what)
	}
	return strconv.ParseInt(text, 10, 64)
}
