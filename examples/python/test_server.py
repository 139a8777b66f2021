import contextlib
import io
import json
import threading
import unittest
import urllib.error
import urllib.request
from http.server import ThreadingHTTPServer

from server import handle, make_handler
from test_toolgate_verify import body_of, vector

TOKEN = "tok_example_123"


def config_for(v):
    return {"scheme": v["scheme"], "secrets": v["secrets"], "bearer_token": TOKEN, "now": lambda: v["now"]}


def call(v, authorization=f"Bearer {TOKEN}"):
    headers = dict(v["headers"])
    if authorization is not None:
        headers["Authorization"] = authorization
    with contextlib.redirect_stderr(io.StringIO()):
        return handle(v["method"], v["target"], headers, body_of(v) or b"", config_for(v))


class ServerTest(unittest.TestCase):
    def test_envelope_post_gets_the_order_with_a_hint(self):
        status, reply = call(vector("toolgate/envelope"))
        self.assertEqual(status, 200)
        self.assertEqual(reply["status"], "shipped")
        self.assertIn("A-1001 is shipped", reply["hint"])

    def test_arguments_mode_get_reads_the_query_and_put_reads_the_body(self):
        for name in ("toolgate/bodyless-get", "toolgate/trailing-newline"):
            with self.subTest(name):
                status, reply = call(vector(name))
                self.assertEqual((status, reply["order_id"]), (200, "A-1001"))

    def test_standard_webhooks_scheme(self):
        self.assertEqual(call(vector("standard-webhooks/envelope"))[0], 200)

    def test_tampered_body_wrong_token_or_no_token_get_401_with_error_and_hint(self):
        for status, reply in (call(vector("toolgate/tampered-body")),
                              call(vector("toolgate/envelope"), "Bearer wrong"),
                              call(vector("toolgate/envelope"), None)):
            self.assertEqual(status, 401)
            self.assertEqual(sorted(reply), ["error", "hint"])

    def test_body_that_is_not_a_json_object_gets_400_with_a_hint(self):
        status, reply = call(vector("toolgate/empty-body"))
        self.assertEqual(status, 400)
        self.assertTrue(reply["hint"])

    def test_http_server_answers_a_real_request_and_refuses_a_tampered_copy(self):
        v = vector("toolgate/envelope")
        server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(config_for(v)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        url = f"http://127.0.0.1:{server.server_address[1]}{v['target']}"

        def send(body):
            request = urllib.request.Request(url, data=body, method="POST",
                                             headers={**v["headers"], "Authorization": f"Bearer {TOKEN}"})
            try:
                with contextlib.redirect_stderr(io.StringIO()), urllib.request.urlopen(request, timeout=5) as response:
                    return response.status, json.load(response)
            except urllib.error.HTTPError as e:
                return e.code, json.load(e)

        status, reply = send(body_of(v))
        self.assertEqual(status, 200)
        self.assertIn("shipped", reply["hint"])
        tampered = bytearray(body_of(v))
        tampered[-3] ^= 1
        status, reply = send(bytes(tampered))
        self.assertEqual((status, reply["error"]), (401, "Unauthorized"))


if __name__ == "__main__":
    unittest.main()
