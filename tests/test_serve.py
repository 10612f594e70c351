"""`consistency serve` over real HTTP on 127.0.0.1: good requests, every kind of bad one, limits, signing, timeouts.

Servers run in a thread of this process (uvicorn on a socket bound to port 0) and,
once, as the real `consistency serve` command in a subprocess. After every bad
request the server must still answer.
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

httpx = pytest.importorskip("httpx")
uvicorn = pytest.importorskip("uvicorn")

from consistency.serve import SIGNATURE_HEADER, ServeSettings, create_app, sign  # noqa: E402

SECRET = b"test-secret-not-for-production"

# Five short versions of one made-up story, written for these tests.
STORY = {
    "it": "Il museo civico riapre sabato dopo due anni di lavori. L'ingresso costa 8 euro. "
          "La nuova sala ospita 40 dipinti del Seicento.",
    "de": "Das Stadtmuseum öffnet am Samstag nach zwei Jahren Bauarbeiten wieder. Der Eintritt kostet 8 Euro. "
          "Der neue Saal zeigt 40 Gemälde aus dem 17. Jahrhundert.",
    "pt": "O museu municipal reabre no sábado depois de dois anos de obras. A entrada custa 8 euros. "
          "A nova sala acolhe 40 pinturas do século XVII.",
    "fr": "Le musée municipal rouvre samedi après deux ans de travaux. L'entrée coûte 8 euros. "
          "La nouvelle salle présente 40 tableaux du XVIIe siècle.",
    "pl": "Muzeum miejskie zostanie ponownie otwarte w sobotę po dwóch latach remontu. Wstęp kosztuje 8 euro. "
          "Nowa sala mieści 40 obrazów z XVII wieku.",
}


def body_of(story: dict[str, str], **extra: Any) -> bytes:
    return json.dumps({"versions": [{"id": k, "text": v} for k, v in story.items()], **extra}).encode()


@contextlib.contextmanager
def running(settings: ServeSettings, **app_kwargs: Any) -> Iterator[str]:
    """A uvicorn server in a thread on 127.0.0.1 (a free port); yields its base URL and stops it after."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings, **app_kwargs), log_level="warning",
                                           access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


def post(url: str, body: bytes, *, secret: bytes | None = SECRET, headers: dict[str, str] | None = None,
         timeout: float = 60) -> httpx.Response:
    h = {"Content-Type": "application/json"}
    if secret is not None:
        h[SIGNATURE_HEADER] = sign(body, secret)
    h.update(headers or {})
    return httpx.post(url + "/v1/check", content=body, headers=h, timeout=timeout)


def assert_alive(url: str) -> None:
    r = httpx.get(url + "/healthz", timeout=10)
    assert r.status_code == 200 and r.json()["status"] == "ok"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The real checker, signed requests only, small limits so that tests can exceed them cheaply."""
    settings = ServeSettings(secret=SECRET, max_body_bytes=64_000, max_versions=6, timeout=60, max_queue=4)
    with running(settings) as url:
        yield url


# --- good requests -------------------------------------------------------------------------------------------


def test_consistent_versions_pass_and_report_matches_the_api(server):
    import consistency
    from consistency.read import make_document

    r = post(server, body_of(STORY))
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"] == "application/json"
    data = r.json()
    assert set(data) == {"verdict", "report"}
    assert data["report"]["schema"] == "consistency-report/1"
    assert [v["id"] for v in data["report"]["versions"]] == list(STORY)
    direct = consistency.check([make_document(t, id=k, lang=k, source=f"version {k!r}") for k, t in STORY.items()],
                               cache=False)
    assert data["report"] == json.loads(json.dumps(direct.to_dict()))
    assert data["verdict"] == {"pass": "pass", "warn": "warn", "fail": "block"}[direct.summary.verdict]
    assert data["verdict"] == "pass"


def test_a_changed_number_blocks_and_names_the_version(server):
    story = dict(STORY, de=STORY["de"].replace("8 Euro", "12 Euro"))
    r = post(server, body_of(story))
    assert r.status_code == 200, r.text[:300]
    data = r.json()
    assert data["verdict"] == "block"
    assert any(f["kind"] == "number" and f["version"] == "de" for f in data["report"]["flags"])


def test_ids_of_our_own_with_lang_and_fail_on(server):
    body = json.dumps({"versions": [{"id": "article-7-it", "lang": "it", "text": STORY["it"]},
                                    {"id": "article-7-de", "lang": "de", "text": STORY["de"]}],
                       "fail_on": "low"}).encode()
    r = post(server, body)
    assert r.status_code == 200, r.text[:300]
    report = r.json()["report"]
    assert [(v["id"], v["lang"]) for v in report["versions"]] == [("article-7-it", "it"), ("article-7-de", "de")]
    assert report["signature"]["fail_on"] == "low"


def test_without_lang_an_id_that_is_no_language_code_gets_the_detected_language(server):
    body = json.dumps({"versions": [{"id": "left", "text": STORY["it"]}, {"id": "right", "text": STORY["pl"]}],
                       "fail_on": None}).encode()
    r = post(server, body)
    assert r.status_code == 200, r.text[:300]
    report = r.json()["report"]
    assert [(v["id"], v["lang"]) for v in report["versions"]] == [("left", "it"), ("right", "pl")]
    assert report["signature"]["fail_on"] == "high"  # the server's default


def test_uppercase_hex_signature_is_accepted(server):
    body = body_of(STORY)
    r = post(server, body, secret=None, headers={SIGNATURE_HEADER: sign(body, SECRET).upper()})
    assert r.status_code == 200, r.text[:300]


def test_healthz(server):
    r = httpx.get(server + "/healthz", timeout=10)
    assert r.status_code == 200
    data = r.json()
    assert data["signed"] is True and "use-m" in data["loaded"]
    assert data["limits"]["max_versions"] == 6


# --- bad requests: status, error code, message; the server keeps serving after each --------------------------


def _chunked(data: bytes) -> Iterator[bytes]:
    for i in range(0, len(data), 8192):
        yield data[i:i + 8192]


def _long_story() -> dict[str, str]:
    return {k: v * 300 for k, v in list(STORY.items())[:2]}  # about 85 kB


BAD: list[tuple[str, Callable[[str], httpx.Response], int, str, list[str]]] = [
    ("bad json", lambda u: post(u, b'{"versions": ['), 400, "bad_json", ["not valid JSON", "line 1"]),
    ("not utf-8", lambda u: post(u, '{"versions": "é"}'.encode("latin-1")), 400, "bad_json", ["UTF-8"]),
    ("not an object", lambda u: post(u, b"[1, 2]"), 422, "invalid_request", ["JSON object"]),
    ("missing versions", lambda u: post(u, b'{"fail_on": "high"}'), 422, "invalid_request",
     ['missing field "versions"']),
    ("missing text", lambda u: post(u, b'{"versions": [{"id": "it", "text": "Ciao."}, {"id": "de"}]}'), 422,
     "invalid_request", ["versions[1]", '"text"']),
    ("text not a string", lambda u: post(u, b'{"versions": [{"id": "it", "text": 5}, {"id": "de", "text": "x"}]}'),
     422, "invalid_request", ["versions[0]", "string"]),
    ("unknown field", lambda u: post(u, body_of(STORY, fail_of="high")), 422, "invalid_request", ["'fail_of'"]),
    ("bad fail_on", lambda u: post(u, body_of(STORY, fail_on="severe")), 422, "invalid_request",
     ["fail_on", "low, medium, high"]),
    ("one version", lambda u: post(u, body_of({"it": STORY["it"]})), 422, "invalid_request", ["two or more"]),
    ("too many versions", lambda u: post(u, body_of({f"it-{i}": STORY["it"] for i in range(7)})), 422,
     "too_many_versions", ["7 versions", "at most 6"]),
    ("empty text", lambda u: post(u, body_of(dict(STORY, pt="  \n"))), 422, "input_error", ["'pt'", "empty"]),
    ("same id twice", lambda u: post(u, json.dumps({"versions": [{"id": "it", "text": STORY["it"]},
                                                                 {"id": "it", "text": STORY["de"]}]}).encode()),
     422, "usage_error", ["'it'"]),
    ("uncovered language", lambda u: post(u, json.dumps({"versions": [
        {"id": "it", "text": STORY["it"]}, {"id": "x", "lang": "qq", "text": STORY["de"]}]}).encode()),
     422, "language_error", ["'qq'", "not covered"]),
    ("oversized body", lambda u: post(u, body_of(_long_story())), 413, "body_too_large", ["64000"]),
    ("oversized chunked body", lambda u: httpx.post(
        u + "/v1/check", content=_chunked(body_of(_long_story())),
        headers={"Content-Type": "application/json", SIGNATURE_HEADER: sign(body_of(_long_story()), SECRET)},
        timeout=30), 413, "body_too_large", ["64000"]),
    ("wrong content type", lambda u: post(u, body_of(STORY), headers={"Content-Type": "text/plain"}), 415,
     "unsupported_media_type", ["application/json"]),
    ("unsigned", lambda u: post(u, body_of(STORY), secret=None), 401, "unsigned", [SIGNATURE_HEADER]),
    ("wrong secret", lambda u: post(u, body_of(STORY), secret=b"guess"), 401, "bad_signature", ["does not match"]),
    ("tampered body", lambda u: post(u, body_of(STORY), headers={SIGNATURE_HEADER: sign(body_of({}), SECRET)}),
     401, "bad_signature", ["does not match"]),
    ("malformed signature", lambda u: post(u, body_of(STORY), headers={SIGNATURE_HEADER: "sha1=abc"}),
     401, "bad_signature", ["sha256="]),
    ("wrong method", lambda u: httpx.get(u + "/v1/check", timeout=10), 405, "method_not_allowed", ["GET"]),
    ("unknown path", lambda u: httpx.post(u + "/v2/check", content=b"{}", timeout=10), 404, "not_found",
     ["/v2/check"]),
]


@pytest.mark.parametrize("name,send,status,code,words", BAD, ids=[c[0] for c in BAD])
def test_bad_request_gets_a_json_error_and_the_server_keeps_serving(server, name, send, status, code, words):
    r = send(server)
    assert r.status_code == status, r.text[:300]
    assert r.headers["content-type"] == "application/json"
    data = r.json()
    assert data == {"error": code, "message": data["message"], "status": status}
    for word in words:
        assert word in data["message"], (word, data["message"])
    if status == 401:
        assert r.headers.get("www-authenticate") == "HMAC-SHA256"
    assert_alive(server)


def test_still_checks_after_all_the_bad_requests(server):
    r = post(server, body_of(STORY))
    assert r.status_code == 200 and r.json()["verdict"] == "pass"


# --- time limits, busy, crashes ------------------------------------------------------------------------------


def _slow_checker(seconds: float) -> Callable[..., Any]:
    import consistency

    def check(docs, **kwargs):
        time.sleep(seconds)
        return consistency.check(docs, **kwargs)

    return check


def _wait_idle(url: str, limit: float = 30) -> None:
    deadline = time.monotonic() + limit
    while httpx.get(url + "/healthz", timeout=10).json()["in_flight"]:
        assert time.monotonic() < deadline, "a check never finished"
        time.sleep(0.05)


def test_timeout_answers_504_then_serves_again():
    settings = ServeSettings(timeout=0.3, max_queue=0)
    with running(settings, checker=_slow_checker(1.0)) as url:
        t = time.monotonic()
        r = post(url, body_of(STORY), secret=None)
        assert r.status_code == 504, r.text[:300]
        assert r.json()["error"] == "timeout" and "0.3 s" in r.json()["message"]
        assert time.monotonic() - t < 0.9  # answered at the limit, not when the check ended
        # while the timed-out check still runs, the only worker is taken: the next request is told to retry
        busy = post(url, body_of(STORY), secret=None)
        assert busy.status_code == 503 and busy.json()["error"] == "busy"
        assert busy.headers["retry-after"] == "1"
        _wait_idle(url)
        health = httpx.get(url + "/healthz", timeout=10).json()
        assert health["timed_out"] == 1
    settings = ServeSettings(timeout=10)
    with running(settings, checker=_slow_checker(0.2)) as url:
        r = post(url, body_of(STORY), secret=None)
        assert r.status_code == 200 and r.json()["verdict"] == "pass"


def test_an_unexpected_failure_is_a_500_json_error_and_the_server_keeps_serving():
    calls = []

    def flaky(docs, **kwargs):
        import consistency

        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("boom")
        return consistency.check(docs, **kwargs)

    with running(ServeSettings(), checker=flaky) as url:
        r = post(url, body_of(STORY), secret=None)
        assert r.status_code == 500
        assert r.json()["error"] == "internal_error" and "RuntimeError" in r.json()["message"]
        assert post(url, body_of(STORY), secret=None).status_code == 200


def test_a_long_cpu_bound_check_does_not_block_healthz():
    """The check runs the real pipeline in a worker thread; /healthz must answer quickly meanwhile."""
    n = 250
    en = " ".join(f"Station {i} recorded {i * 3 + 7} millimetres of rain on day {i % 28 + 1}." for i in range(n))
    de = " ".join(f"Die Station {i} hat am Tag {i % 28 + 1} genau {i * 3 + 7} Millimeter Regen gemessen."
                  for i in range(n))
    fr = " ".join(f"La station {i} a relevé {i * 3 + 7} millimètres de pluie le jour {i % 28 + 1}." for i in range(n))
    body = body_of({"en": en, "de": de, "fr": fr})
    with running(ServeSettings(cache=False, timeout=120)) as url:
        result: dict[str, Any] = {}
        worker = threading.Thread(target=lambda: result.update(r=post(url, body, secret=None, timeout=120)))
        t0 = time.monotonic()
        worker.start()
        latencies = []
        while worker.is_alive():
            t = time.monotonic()
            health = httpx.get(url + "/healthz", timeout=10)
            if health.json()["in_flight"]:
                latencies.append(time.monotonic() - t)
            time.sleep(0.05)
        worker.join()
        elapsed = time.monotonic() - t0
        assert result["r"].status_code == 200, result["r"].text
        assert len(latencies) >= 5, f"the check took {elapsed:.2f} s: too short to observe /healthz during it"
        # blocked, /healthz would wait for the whole check; the bounds leave room for a busy shared machine
        assert statistics.median(latencies) < 0.5, latencies
        assert max(latencies) < max(1.5, elapsed / 4), (max(latencies), elapsed)


# --- the real command ----------------------------------------------------------------------------------------


def _cli() -> str:
    return str(Path(sys.executable).with_name("consistency"))


def test_the_serve_command_signs_serves_and_stops_on_sigint(tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text("s3cret-for-this-test\n")
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("CONSISTENCY_SERVE_SECRET", None)
    proc = subprocess.Popen([_cli(), "serve", "--port", "0", "--secret-file", str(secret_file), "--no-cache",
                             "--max-versions", "3"], stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stderr is not None
        seen = []
        for line in proc.stderr:  # anything a library warns comes first; the start line ends the wait
            seen.append(line)
            if "listening on" in line or len(seen) > 50:
                break
        assert "listening on http://127.0.0.1:" in line, "".join(seen)
        url = line.split("listening on ")[1].split()[0]
        assert "signed requests only" in line
        body = body_of({k: STORY[k] for k in ("it", "de", "fr")})
        assert post(url, body, secret=b"s3cret-for-this-test").json()["verdict"] == "pass"
        assert post(url, body, secret=None).status_code == 401
        assert post(url, body_of(STORY), secret=b"s3cret-for-this-test").json()["error"] == "too_many_versions"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_the_serve_command_rejects_a_missing_secret_file(tmp_path):
    proc = subprocess.run([_cli(), "serve", "--port", "0", "--secret-file", str(tmp_path / "nope")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "nope" in lines[0] and "secret file" in lines[0], proc.stderr
