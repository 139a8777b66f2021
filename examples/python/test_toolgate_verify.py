import base64
import json
import pathlib
import unittest

from toolgate_verify import SignatureVerificationError, signs_target, verify

VECTORS = json.loads((pathlib.Path(__file__).parent / ".." / ".." / "testdata" / "signature-vectors.json")
                     .read_text(encoding="utf-8"))["vectors"]


def vector(name):
    return next(v for v in VECTORS if v["name"] == name)


def body_of(v):
    return None if v["body_base64"] is None else base64.b64decode(v["body_base64"])


class VectorsTest(unittest.TestCase):
    def test_every_vector(self):
        for v in VECTORS:
            with self.subTest(v["name"]):
                self.assertEqual(signs_target(v["method"]), v["body_base64"] is None)
                try:
                    result = verify(scheme=v["scheme"], secrets=v["secrets"], headers=v["headers"], body=body_of(v),
                                    method=v["method"], target=v["target"],
                                    tolerance_seconds=v["tolerance_seconds"], now=v["now"])
                    self.assertEqual(result["scheme"], v["scheme"])
                    outcome = "valid"
                except SignatureVerificationError as e:
                    outcome = e.reason
                self.assertEqual(outcome, v["expect"])

    def test_failure_message_never_holds_the_secret(self):
        v = vector("toolgate/tampered-body")
        with self.assertRaises(SignatureVerificationError) as raised:
            verify(secrets=v["secrets"], headers=v["headers"], body=body_of(v), now=v["now"])
        self.assertEqual(raised.exception.reason, "NO_MATCHING_SIGNATURE")
        self.assertNotIn(v["secrets"][0], str(raised.exception))

    def test_default_tolerance_is_300_seconds(self):
        v = vector("toolgate/envelope")
        self.assertEqual(verify(secrets=v["secrets"], headers=v["headers"], body=body_of(v), now=v["now"] + 300)
                         ["secret_index"], 0)
        with self.assertRaises(SignatureVerificationError) as raised:
            verify(secrets=v["secrets"], headers=v["headers"], body=body_of(v), now=v["now"] + 301)
        self.assertEqual(raised.exception.reason, "TIMESTAMP_TOO_OLD")


if __name__ == "__main__":
    unittest.main()
