package toolgateverify

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Vector is one entry of testdata/signature-vectors.json, generated from Toolgate's own signer.
type Vector struct {
	Name       string            `json:"name"`
	Scheme     Scheme            `json:"scheme"`
	Secrets    []string          `json:"secrets"`
	Method     string            `json:"method"`
	Target     string            `json:"target"`
	BodyBase64 *string           `json:"body_base64"`
	Headers    map[string]string `json:"headers"`
	Now        int64             `json:"now"`
	Tolerance  int64             `json:"tolerance_seconds"`
	Expect     string            `json:"expect"`
}

func loadVectors(t *testing.T) []Vector {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "signature-vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Vectors []Vector }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	return file.Vectors
}

func outcome(v Vector, now int64) (string, *Result, error) {
	verifier, err := New(v.Scheme, v.Secrets)
	if err != nil {
		return "", nil, err
	}
	verifier.Tolerance = time.Duration(v.Tolerance) * time.Second
	verifier.Now = func() time.Time { return time.Unix(now, 0) }
	header := http.Header{}
	for name, value := range v.Headers {
		header.Set(name, value)
	}
	var result *Result
	if v.BodyBase64 == nil {
		result, err = verifier.VerifyBodyless(header, v.Method, v.Target)
	} else {
		body, _ := base64.StdEncoding.DecodeString(*v.BodyBase64)
		result, err = verifier.Verify(header, body)
	}
	var refused *Error
	if errors.As(err, &refused) {
		return string(refused.Reason), nil, refused
	}
	return "valid", result, err
}

func TestEveryVector(t *testing.T) {
	for _, v := range loadVectors(t) {
		v := v
		t.Run(v.Name, func(t *testing.T) {
			if SignsTarget(v.Method) != (v.BodyBase64 == nil) {
				t.Fatalf("bodyless must mean GET/HEAD/DELETE")
			}
			got, result, err := outcome(v, v.Now)
			if got == "" {
				t.Fatal(err)
			}
			if got != v.Expect {
				t.Fatalf("got %s, want %s (%v)", got, v.Expect, err)
			}
			if result != nil && result.Scheme != v.Scheme {
				t.Fatalf("scheme %s", result.Scheme)
			}
		})
	}
}

func TestFailureMessageNeverHoldsTheSecret(t *testing.T) {
	for _, v := range loadVectors(t) {
		if v.Name == "toolgate/tampered-body" {
			got, _, err := outcome(v, v.Now)
			if got != "NO_MATCHING_SIGNATURE" || strings.Contains(err.Error(), v.Secrets[0]) {
				t.Fatalf("%s: %v", got, err)
			}
		}
	}
}

func TestDefaultToleranceIs300Seconds(t *testing.T) {
	if DefaultTolerance != 300*time.Second {
		t.Fatal(DefaultTolerance)
	}
	for _, v := range loadVectors(t) {
		if v.Name == "toolgate/envelope" {
			if got, _, _ := outcome(v, v.Now+300); got != "valid" {
				t.Fatal(got)
			}
			if got, _, _ := outcome(v, v.Now+301); got != "TIMESTAMP_TOO_OLD" {
				t.Fatal(got)
			}
		}
	}
}
