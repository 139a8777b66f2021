// Command example is a complete Toolgate tool endpoint, Go standard library only: it verifies the
// signature, checks the bearer token, reads the arguments (envelope or arguments mode) and answers with
// a hint. Run: TOOLGATE_SIGNING_SECRETS=tgsec_... TOOLGATE_BEARER_TOKEN=... go run .
package main

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"regexp"
	"strings"

	"toolgate.dev/examples/go/toolgateverify"
)

const maxBodyBytes = 1 << 20

type order struct{ status, eta string }

var orders = map[string]order{
	"A-1001": {"shipped", "Friday"},
	"A-1002": {"being packed", "next Tuesday"},
}

var (
	unauthorized = map[string]string{"error": "Unauthorized", "hint": "Apologize and say you cannot look that up right now; offer a callback."}
	failed       = map[string]string{"error": "Lookup failed", "hint": "Apologize and offer a callback."}
)

// Endpoint serves one tool.
type Endpoint struct {
	Verifier    *toolgateverify.Verifier
	BearerToken string
}

func (e *Endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	status, reply := e.handle(r)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(reply)
}

func (e *Endpoint) handle(r *http.Request) (int, any) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil || len(body) > maxBodyBytes {
		return http.StatusRequestEntityTooLarge, failed
	}
	if _, err := e.Verifier.VerifyRequest(r, body); err != nil {
		log.Printf("signature rejected: %v", err)
		return http.StatusUnauthorized, unauthorized
	}
	given := sha256.Sum256([]byte(r.Header.Get("Authorization")))
	wanted := sha256.Sum256([]byte("Bearer " + e.BearerToken))
	if subtle.ConstantTimeCompare(given[:], wanted[:]) != 1 {
		log.Print("bearer token rejected")
		return http.StatusUnauthorized, unauthorized
	}
	var args map[string]any
	if toolgateverify.SignsTarget(r.Method) {
		args = map[string]any{}
		for name, values := range r.URL.Query() {
			args[name] = values[0]
		}
	} else if args, err = jsonArguments(body); err != nil {
		return http.StatusBadRequest, map[string]string{"error": "Bad request", "hint": "Apologize and offer a callback."}
	}
	return http.StatusOK, lookupOrder(args)
}

// jsonArguments returns the envelope's arguments, or the body itself in arguments mode.
func jsonArguments(body []byte) (map[string]any, error) {
	var parsed map[string]any
	if err := json.Unmarshal(body, &parsed); err != nil || parsed == nil {
		return nil, errors.New("the body is not a JSON object")
	}
	_, hasTool := parsed["tool"].(string)
	_, hasInvocation := parsed["invocation_id"].(string)
	if arguments, ok := parsed["arguments"].(map[string]any); ok && hasTool && hasInvocation {
		return arguments, nil
	}
	return parsed, nil
}

func lookupOrder(args map[string]any) map[string]string {
	id, _ := args["order_id"].(string)
	id = strings.ToUpper(strings.TrimSpace(id))
	if id == "" {
		return map[string]string{"error": "Missing order number", "hint": "Ask the caller for their order number; it starts with A."}
	}
	o, ok := orders[id]
	if !ok {
		return map[string]string{"error": "Order not found", "hint": "Ask the caller to read the order number again, one character at a time."}
	}
	return map[string]string{"order_id": id, "status": o.status, "eta": o.eta,
		"hint": fmt.Sprintf("Tell the caller order %s is %s and should arrive %s.", id, o.status, o.eta)}
}

// endpointFromEnv reads the configuration from the environment (see README.md).
func endpointFromEnv() (*Endpoint, error) {
	secrets := regexp.MustCompile(`[\s,]+`).Split(strings.TrimSpace(os.Getenv("TOOLGATE_SIGNING_SECRETS")), -1)
	token := os.Getenv("TOOLGATE_BEARER_TOKEN")
	if secrets[0] == "" || token == "" {
		return nil, errors.New("set TOOLGATE_SIGNING_SECRETS and TOOLGATE_BEARER_TOKEN")
	}
	scheme := toolgateverify.Scheme(os.Getenv("TOOLGATE_SIGNATURE_SCHEME"))
	if scheme == "" {
		scheme = toolgateverify.Toolgate
	}
	verifier, err := toolgateverify.New(scheme, secrets)
	if err != nil {
		return nil, err
	}
	return &Endpoint{Verifier: verifier, BearerToken: token}, nil
}

func main() {
	endpoint, err := endpointFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	host, port := os.Getenv("HOST"), os.Getenv("PORT")
	if host == "" {
		host = "127.0.0.1"
	}
	if port == "" {
		port = "8080"
	}
	address := net.JoinHostPort(host, port)
	log.Printf("listening on http://%s", address)
	log.Fatal(http.ListenAndServe(address, endpoint))
}
