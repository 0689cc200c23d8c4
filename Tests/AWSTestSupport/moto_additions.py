"""Helpers of moto_launcher.py: CreateFleet override surgery and SigV4 checks with botocore.

Kept apart so that the launcher reads top-down as the middleware and its control endpoints.
"""

import re
import threading
import urllib.parse


OVERRIDE_KEY = re.compile(r"^LaunchTemplateConfigs\.(\d+)\.Overrides\.(\d+)\.(.+)$")


def split_overrides(form, rules, subnet_zone):
    """Returns (kept, failed): overrides per config index, and (override, code) that hit a rule."""
    overrides = {}
    for key, value in form.items():
        m = OVERRIDE_KEY.match(key)
        if m:
            overrides.setdefault((int(m.group(1)), int(m.group(2))), {})[m.group(3)] = value
    kept, failed = {}, []
    for (config, index), override in sorted(overrides.items()):
        zone = override.get("AvailabilityZone") or subnet_zone(override.get("SubnetId", ""))
        code = None
        for rule in rules:
            if rule.get("instanceType") not in (None, override.get("InstanceType")):
                continue
            if rule.get("availabilityZone") not in (None, zone):
                continue
            if rule.get("subnetId") not in (None, override.get("SubnetId")):
                continue
            code = rule.get("errorCode", "InsufficientInstanceCapacity")
            break
        if code:
            failed.append((override, code))
        else:
            kept.setdefault(config, []).append(override)
    return kept, failed


CONFIG_KEY = re.compile(r"^LaunchTemplateConfigs\.(\d+)\.(.+)$")


def rebuild_form(form, kept):
    """The CreateFleet form with only the kept overrides. A launch template config left with no
    override is dropped (EC2 rejects an empty one, moto answers 500), and the configs that remain
    are numbered again from 1."""
    remaining = sorted((int(c), o) for c, o in kept.items() if o)
    number = {str(config): str(i) for i, (config, _) in enumerate(remaining, start=1)}
    items = []
    for k, v in form.items():
        if OVERRIDE_KEY.match(k):
            continue
        m = CONFIG_KEY.match(k)
        if m:
            if m.group(1) not in number:
                continue
            k = f"LaunchTemplateConfigs.{number[m.group(1)]}.{m.group(2)}"
        items.append((k, v))
    for config, overrides in remaining:
        for i, override in enumerate(overrides, start=1):
            for field, value in override.items():
                items.append((f"LaunchTemplateConfigs.{number[str(config)]}.Overrides.{i}.{field}", value))
    return urllib.parse.urlencode(items)


def error_item(override, code):
    fields = "".join(f"<{f[0].lower() + f[1:]}>{escape(v)}</{f[0].lower() + f[1:]}>"
                     for f, v in override.items() if f in ("InstanceType", "SubnetId", "AvailabilityZone"))
    message = {
        "InsufficientInstanceCapacity": "We currently do not have sufficient capacity in the Availability Zone you requested.",
        "UnfulfillableCapacity": "Unable to fulfill capacity due to your request configuration.",
    }.get(code, "Capacity is not available.")
    return (f"<item><errorCode>{escape(code)}</errorCode><errorMessage>{escape(message)}</errorMessage>"
            "<lifecycle>on-demand</lifecycle><launchTemplateAndOverrides><overrides>"
            f"{fields}</overrides></launchTemplateAndOverrides></item>")


def escape(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


VERIFIED = threading.local()


def skip_auth_for_verified_requests():
    """Patches moto's authenticator to skip requests the launcher verified (see bodiless_get)."""
    from moto.core.authorization import ActionAuthenticatorMixin

    original = ActionAuthenticatorMixin._authenticate_and_authorize_action

    def patched(self, iam_request_cls, resource="*"):
        if getattr(VERIFIED, "flag", False):
            return None
        return original(self, iam_request_cls, resource)

    ActionAuthenticatorMixin._authenticate_and_authorize_action = patched


def signature_is_valid(environ, body):
    return resign(environ, body, None) is True


def resign(environ, old_body, new_body):
    """Re-signs a request whose body this middleware changed, if the original signature was valid.

    An invalid original is left alone so that moto rejects it as it would have."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    from moto.iam.models import iam_backends

    authorization = environ.get("HTTP_AUTHORIZATION", "")
    m = re.search(r"Credential=([^/]+)/\d+/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=(\w+)",
                  authorization)
    if not m:
        return False
    key_id, region, service, signed, signature = m.groups()
    secret = None
    for account in list(iam_backends.values()):
        for backend in list(account.values()):
            if key_id in backend.access_keys:
                secret = backend.access_keys[key_id].secret_access_key
    if secret is None:
        return False
    headers = {}
    for name in signed.split(";"):
        value = environ.get("HTTP_" + name.upper().replace("-", "_"))
        if value is None and name == "content-type":
            value = environ.get("CONTENT_TYPE")
        if value is not None:
            headers[name] = value
    auth = SigV4Auth(Credentials(key_id, secret), service, region)

    def sign(data):
        url = environ.get("PATH_INFO") or "/"
        if environ.get("QUERY_STRING"):
            url += "?" + environ["QUERY_STRING"]
        request = AWSRequest(method=environ["REQUEST_METHOD"], url=url,
                             data=data, headers=headers)
        request.context["timestamp"] = headers.get("x-amz-date")
        canonical = auth.canonical_request(request)
        return auth.signature(auth.string_to_sign(request, canonical), request)

    if sign(old_body) != signature:
        return False
    if new_body is None:
        return True
    environ["HTTP_AUTHORIZATION"] = authorization.replace(f"Signature={signature}", f"Signature={sign(new_body)}")
