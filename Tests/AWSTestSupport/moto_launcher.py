#!/usr/bin/env python3
"""Runs moto 5.2.1 in this process on 127.0.0.1 with the few additions Karpenter's tests need.

Prints one line on stdout once the socket is bound:

    LISTENING <port> <access-key-id> <secret-access-key>

The key pair belongs to an IAM user `karpenter-test` created directly in moto's IAM backend (account
123456789012) with an inline policy allowing everything: with signature checking on (the default;
`--no-auth` turns it off) moto only accepts requests signed with a key it knows.

The process exits when its standard input reaches end of file, so it dies with the test process
that started it (that process holds the write end of the pipe).

What moto lacks and this middleware adds (see docs/aws.md), all driven by POSTs with JSON bodies to
`/_karpenter/...` on the same port:

  (a) SSM public parameters: moto only knows a few `/aws/service/...` names. POST
      `/_karpenter/ssm-parameters` `{"parameters": {"/aws/service/...": "ami-..."}}`; GetParameter
      and GetParameters for those names are answered from the table (others go to moto).
  (b) Pricing: moto 5.2.1 has no Pricing service. POST `/_karpenter/pricing-products`
      `{"products": [{...price list JSON...}]}`; GetProducts answers from the table, honouring
      TERM_MATCH filters on `product.attributes` (and `ServiceCode`), MaxResults and NextToken.
  (c) Capacity errors: moto's CreateFleet always succeeds. POST `/_karpenter/capacity-errors`
      `{"errors": [{"instanceType": "m5.large", "availabilityZone": "us-east-1a",
      "subnetId": null, "errorCode": "InsufficientInstanceCapacity"}]}`; matching overrides are
      removed from the request (which is re-signed with the same key) and error items are added to
      the response's `errorSet`; when no override remains, the answer has only errors.
  (d) Throttling: POST `/_karpenter/throttle` `{"count": 2, "action": "DescribeInstances"}`; the next
      `count` matching requests get HTTP 400 `RequestLimitExceeded` (Query/XML services) or
      `ThrottlingException` (JSON services). `action` is optional.
  (e) Signed GETs without query or body (EKS DescribeCluster): moto 5.2.1 fails to verify them
      (see bodiless_get); the launcher verifies them itself.
  POST `/_karpenter/reset` clears (a)-(d).
"""

import json
import os
import sys
import threading
import urllib.parse
from io import BytesIO

from moto_additions import (  # noqa: E402 - beside this file, on sys.path as the script's folder
    error_item,
    rebuild_form,
    resign,
    signature_is_valid,
    skip_auth_for_verified_requests,
    split_overrides,
    VERIFIED,
)

CONTROL_PREFIX = "/_karpenter/"


class Extras:
    """The tables the tests post; guarded by one lock (werkzeug serves requests on threads)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.ssm = {}
        self.products = []
        self.capacity_errors = []
        self.throttles = {}  # action (or "*") -> requests left to throttle


def read_body(environ):
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    environ["wsgi.input"] = BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    return body


def respond(start_response, status, body, content_type):
    data = body.encode() if isinstance(body, str) else body
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(data)))])
    return [data]


def json_response(start_response, status, obj, content_type="application/x-amz-json-1.1"):
    return respond(start_response, status, json.dumps(obj), content_type)


class KarpenterMiddleware:
    def __init__(self, app, extras, check_signatures):
        self.app = app
        self.extras = extras
        self.check_signatures = check_signatures

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        body = read_body(environ)
        if path.startswith(CONTROL_PREFIX):
            return self.control(path[len(CONTROL_PREFIX):], body, start_response)
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        form = {}
        if not target and environ.get("REQUEST_METHOD") == "POST":
            form = dict(urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        action = target.split(".")[-1] if target else form.get("Action", "")

        throttled = self.take_throttle(action)
        if throttled:
            if target:
                return json_response(start_response, "400 Bad Request",
                                     {"__type": "ThrottlingException", "message": "Rate exceeded"})
            return respond(start_response, "400 Bad Request",
                           "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error>"
                           "<Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message>"
                           "</Error></Errors><RequestID>throttled-by-launcher</RequestID></Response>",
                           "text/xml")
        if target.startswith("AmazonSSM.") and action in ("GetParameter", "GetParameters"):
            answer = self.ssm_answer(action, body, start_response)
            if answer is not None:
                return answer
        if target.startswith("AWSPriceListService."):
            return self.pricing_answer(action, body, start_response)
        if action == "CreateFleet" and form:
            return self.create_fleet(environ, form, body, start_response)
        if self.check_signatures and environ.get("REQUEST_METHOD") == "GET" and not body:
            return self.bodiless_get(environ, start_response)
        return self.app(environ, start_response)

    # (e) Signed GETs without body or query (EKS DescribeCluster) ------------------------------

    def bodiless_get(self, environ, start_response):
        """moto 5.2.1 cannot verify these: with no query and no body it takes the headers as the
        request's parameters and signs them as a form body, so every such GET fails with
        SignatureDoesNotMatch (boto3's too). The launcher verifies the signature itself and, when
        it is valid, lets moto skip its own check for this one request."""
        if signature_is_valid(environ, b""):
            VERIFIED.flag = True
            try:
                return list(self.app(environ, start_response))
            finally:
                VERIFIED.flag = False
        return self.app(environ, start_response)

    # Control endpoints ------------------------------------------------------------------------

    def control(self, name, body, start_response):
        try:
            payload = json.loads(body or b"{}")
        except ValueError:
            return json_response(start_response, "400 Bad Request", {"error": "body is not JSON"},
                                 "application/json")
        with self.extras.lock:
            if name == "ssm-parameters":
                self.extras.ssm.update(payload.get("parameters", {}))
            elif name == "pricing-products":
                self.extras.products.extend(payload.get("products", []))
            elif name == "capacity-errors":
                self.extras.capacity_errors.extend(payload.get("errors", []))
            elif name == "throttle":
                self.extras.throttles[payload.get("action") or "*"] = int(payload.get("count", 1))
            elif name == "reset":
                self.extras.reset()
            else:
                return json_response(start_response, "404 Not Found",
                                     {"error": f"no control endpoint {name}"}, "application/json")
        return json_response(start_response, "200 OK", {"ok": True}, "application/json")

    def take_throttle(self, action):
        with self.extras.lock:
            for key in (action, "*"):
                if self.extras.throttles.get(key, 0) > 0:
                    self.extras.throttles[key] -= 1
                    return True
            return False

    # (a) SSM public parameters ----------------------------------------------------------------

    def ssm_answer(self, action, body, start_response):
        request = json.loads(body or b"{}")
        names = [request.get("Name")] if action == "GetParameter" else request.get("Names", [])
        with self.extras.lock:
            table = dict(self.extras.ssm)
        if not names or not all(n in table for n in names):
            return None

        def parameter(name):
            return {"Name": name, "Type": "String", "Value": table[name], "Version": 1,
                    "DataType": "text",
                    "ARN": f"arn:aws:ssm:us-east-1::parameter{name}"}

        if action == "GetParameter":
            return json_response(start_response, "200 OK", {"Parameter": parameter(names[0])})
        return json_response(start_response, "200 OK",
                             {"Parameters": [parameter(n) for n in names], "InvalidParameters": []})

    # (b) Pricing ------------------------------------------------------------------------------

    def pricing_answer(self, action, body, start_response):
        if action != "GetProducts":
            return json_response(start_response, "400 Bad Request",
                                 {"__type": "InvalidParameterException",
                                  "Message": f"the launcher answers only GetProducts, not {action}"})
        request = json.loads(body or b"{}")
        with self.extras.lock:
            products = list(self.extras.products)
        service = request.get("ServiceCode")

        def matches(product):
            attributes = product.get("product", {}).get("attributes", {})
            if service and product.get("serviceCode", service) != service:
                return False
            for f in request.get("Filters", []):
                if attributes.get(f.get("Field")) != f.get("Value"):
                    return False
            return True

        selected = [p for p in products if matches(p)]
        start = int(request.get("NextToken") or 0)
        size = int(request.get("MaxResults") or 100)
        page = selected[start:start + size]
        answer = {"FormatVersion": "aws_v1", "PriceList": [json.dumps(p) for p in page]}
        if start + size < len(selected):
            answer["NextToken"] = str(start + size)
        return json_response(start_response, "200 OK", answer)

    # (c) CreateFleet capacity errors ----------------------------------------------------------

    def create_fleet(self, environ, form, body, start_response):
        with self.extras.lock:
            rules = list(self.extras.capacity_errors)
        if not rules:
            return self.app(environ, start_response)
        kept, failed = split_overrides(form, rules, self.subnet_zone)
        if not failed:
            return self.app(environ, start_response)
        errors = "".join(error_item(o, code) for o, code in failed)
        if not kept:
            xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                   "<CreateFleetResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                   "<requestId>launcher-capacity-errors</requestId><fleetId>fleet-launcher0000000</fleetId>"
                   f"<errorSet>{errors}</errorSet><fleetInstanceSet/></CreateFleetResponse>")
            return respond(start_response, "200 OK", xml, "text/xml")
        new_body = rebuild_form(form, kept).encode()
        environ["wsgi.input"] = BytesIO(new_body)
        environ["CONTENT_LENGTH"] = str(len(new_body))
        if self.check_signatures:
            resign(environ, body, new_body)
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers

        chunks = b"".join(self.app(environ, capture))
        text = chunks.decode("utf-8")
        if captured["status"].startswith("200"):
            if "<errorSet/>" in text:
                text = text.replace("<errorSet/>", f"<errorSet>{errors}</errorSet>", 1)
            elif "<errorSet>" in text:
                text = text.replace("<errorSet>", f"<errorSet>{errors}", 1)
            else:
                text = text.replace("</CreateFleetResponse>",
                                    f"<errorSet>{errors}</errorSet></CreateFleetResponse>", 1)
        data = text.encode()
        headers = [(k, v) for k, v in captured["headers"] if k.lower() != "content-length"]
        start_response(captured["status"], headers + [("Content-Length", str(len(data)))])
        return [data]

    @staticmethod
    def subnet_zone(subnet_id):
        from moto.ec2.models import ec2_backends
        for account in list(ec2_backends.values()):
            for backend in list(account.values()):
                try:
                    return backend.get_subnet(subnet_id).availability_zone
                except Exception:  # noqa: BLE001 - not in this region
                    continue
        return None


def create_admin_key():
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.iam.models import iam_backends

    backend = iam_backends[DEFAULT_ACCOUNT_ID]["aws"]
    backend.create_user("us-east-1", "karpenter-test")
    backend.put_user_policy("karpenter-test", "everything", json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
    }))
    key = backend.create_access_key("karpenter-test")
    return key.access_key_id, key.secret_access_key


def exit_on_stdin_eof():
    try:
        while sys.stdin.buffer.read(1024):
            pass
    finally:
        os._exit(0)


def main():
    check_signatures = "--no-auth" not in sys.argv
    os.environ.setdefault("MOTO_ALLOW_NONEXISTENT_REGION", "true")
    from moto import settings
    from moto.server import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import make_server

    settings.INITIAL_NO_AUTH_ACTION_COUNT = 0 if check_signatures else float("inf")
    skip_auth_for_verified_requests()
    key_id, secret = create_admin_key()
    app = KarpenterMiddleware(DomainDispatcherApplication(create_backend_app), Extras(), check_signatures)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=exit_on_stdin_eof, daemon=True).start()
    print(f"LISTENING {server.server_port} {key_id} {secret}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
