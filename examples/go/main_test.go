package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"toolgate.dev/examples/go/toolgateverify"
)

const token = "tok_example_123"

type vector struct {
	Name       string            `json:"name"`
	Scheme     string            `json:"scheme"`
	Secrets    []string          `json:"secrets"`
	Method     string            `json:"method"`
	Target     string            `json:"target"`
	BodyBase64 *string           `json:"body_base64"`
	Headers    map[string]string `json:"headers"`
	Now        int64             `json:"now"`
}

func named(t *testing.T, name string) vector {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "signature-vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Vectors []vector }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	for _, v := range file.Vectors {
		if v.Name == name {
			return v
		}
	}
	t.Fatalf("no vector %s", name)
	return vector{}
}

func body(v vector) []byte {
	if v.BodyBase64 == nil {
		return nil
	}
	data, _ := base64.StdEncoding.DecodeString(*v.BodyBase64)
	return data
}

// serve starts the endpoint on a loopback test server whose verifier's clock reads the vector's now.
func serve(t *testing.T, v vector) *httptest.Server {
	verifier, err := toolgateverify.New(toolgateverify.Scheme(v.Scheme), v.Secrets)
	if err != nil {
		t.Fatal(err)
	}
	verifier.Now = func() time.Time { return time.Unix(v.Now, 0) }
	server := httptest.NewServer(&Endpoint{Verifier: verifier, BearerToken: token})
	t.Cleanup(server.Close)
	return server
}

// send replays the vector's request with the given body and Authorization; returns status and reply.
func send(t *testing.T, server *httptest.Server, v vector, payload []byte, authorization string) (int, map[string]string) {
	request, err := http.NewRequest(v.Method, server.URL+v.Target, bytes.NewReader(payload))
	if err != nil {
		t.Fatal(err)
	}
	for name, value := range v.Headers {
		request.Header.Set(name, value)
	}
	if authorization != "" {
		request.Header.Set("Authorization", authorization)
	}
	response, err := server.Client().Do(request)
	if err != nil {
		t.Fatal(err)
	}
	defer response.Body.Close()
	var reply map[string]string
	if err := json.NewDecoder(response.Body).Decode(&reply); err != nil {
		t.Fatal(err)
	}
	return response.StatusCode, reply
}

func TestMain(m *testing.M) {
	log.SetOutput(io.Discard)
	os.Exit(m.Run())
}

func TestEnvelopePostGetsTheOrderWithAHint(t *testing.T) {
	v := named(t, "toolgate/envelope")
	status, reply := send(t, serve(t, v), v, body(v), "Bearer "+token)
	if status != 200 || reply["status"] != "shipped" || reply["hint"] != "Tell the caller order A-1001 is shipped and should arrive Friday." {
		t.Fatal(status, reply)
	}
}

func TestArgumentsModeReadsTheQueryOfAGetAndTheBodyOfAPut(t *testing.T) {
	for _, name := range []string{"toolgate/bodyless-get", "toolgate/trailing-newline", "standard-webhooks/bodyless-get"} {
		v := named(t, name)
		if status, reply := send(t, serve(t, v), v, body(v), "Bearer "+token); status != 200 || reply["order_id"] != "A-1001" {
			t.Fatal(name, status, reply)
		}
	}
}

func TestTamperedBodyWrongTokenOrNoTokenGet401WithAnErrorAndAHint(t *testing.T) {
	v := named(t, "toolgate/envelope")
	server := serve(t, v)
	tampered := append([]byte{}, body(v)...)
	tampered[len(tampered)-3] ^= 1
	for _, c := range []struct {
		payload       []byte
		authorization string
	}{{tampered, "Bearer " + token}, {body(v), "Bearer wrong"}, {body(v), ""}} {
		status, reply := send(t, server, v, c.payload, c.authorization)
		if status != 401 || len(reply) != 2 || reply["error"] != "Unauthorized" || reply["hint"] == "" {
			t.Fatal(status, reply)
		}
	}
}

func TestBodyThatIsNotAJSONObjectGets400WithAHint(t *testing.T) {
	v := named(t, "toolgate/empty-body")
	if status, reply := send(t, serve(t, v), v, body(v), "Bearer "+token); status != 400 || reply["hint"] == "" {
		t.Fatal(status, reply)
	}
}
