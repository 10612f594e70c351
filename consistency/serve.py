"""The HTTP check service for a CMS: ``POST /v1/check`` and ``GET /healthz`` (Starlette, served by uvicorn).

``create_app(settings)`` builds the ASGI app; ``consistency serve`` runs it. The
models load once per process, before the first request; each check runs in a
worker thread with a timeout, so the event loop (and ``/healthz``) keeps
answering while a check is busy. Every error is JSON:
``{"error": CODE, "message": TEXT, "status": HTTP_STATUS}``.

Starlette is imported only in this module: the light install (the hook) lacks it.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import hashlib
import hmac
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Mapping

from . import __version__
from .errors import ConsistencyError, LanguageError, ModelError, UsageError

if TYPE_CHECKING:  # pragma: no cover
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

    from .types import Document, Report

log = logging.getLogger("consistency.serve")

SIGNATURE_HEADER = "X-Consistency-Signature"
SECRET_ENV = "CONSISTENCY_SERVE_SECRET"
VERDICTS = {"pass": "pass", "warn": "warn", "fail": "block"}
_REQUEST_KEYS = frozenset({"versions", "fail_on"})
_VERSION_KEYS = frozenset({"id", "lang", "text"})
_MAX_ID_CHARS = 100
# py3langid's identifier is one shared object whose language set detection changes: one thread at a time
_DETECT_LOCK = threading.Lock()


@dataclass(frozen=True)
class ServeSettings:
    """What a server is allowed to do: model, cache, limits, signing secret."""

    model: str = "auto"
    cache: bool | str = True
    fail_on: str = "high"  # when a request does not say
    max_body_bytes: int = 1_048_576
    max_versions: int = 12
    timeout: float = 30.0  # seconds a request may wait for and run its check
    workers: int = 1  # checks running at once (threads)
    max_queue: int = 8  # checks waiting beyond those; more get 503
    secret: bytes | None = None
    blas_threads: int | None = 1  # BLAS threads per model; 2 on a busy 2-core machine is many times slower
    preload: bool = True

    def limits(self) -> dict[str, Any]:
        return {"max_body_bytes": self.max_body_bytes, "max_versions": self.max_versions,
                "timeout_s": self.timeout, "workers": self.workers, "max_queue": self.max_queue}


class ApiError(Exception):
    """A request the server answers with a JSON error and a 4xx/5xx status."""

    def __init__(self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message, "status": self.status}


@dataclass(frozen=True)
class VersionIn:
    id: str
    text: str
    lang: str | None = None


@dataclass(frozen=True)
class CheckRequest:
    """A validated ``POST /v1/check`` body."""

    versions: tuple[VersionIn, ...]
    fail_on: str


# --- signing -------------------------------------------------------------------------------------------------


def sign(body: bytes, secret: bytes) -> str:
    """The ``X-Consistency-Signature`` value for ``body``: ``sha256=`` and the hex HMAC-SHA256 of the raw bytes."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def verify_signature(body: bytes, header: str | None, secret: bytes) -> None:
    """Raise a 401 ApiError unless ``header`` is the body's signature (compared in constant time)."""
    if not header:
        raise ApiError(401, "unsigned", f"this server requires a {SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of "
                       f"the raw body with the shared secret> header", {"WWW-Authenticate": "HMAC-SHA256"})
    if not hmac.compare_digest(header.strip().lower().encode("utf-8", "replace"), sign(body, secret).encode("ascii")):
        raise ApiError(401, "bad_signature", f"{SIGNATURE_HEADER} does not match the body; sign the exact bytes "
                       "sent, with the shared secret, as sha256=<lowercase hex>", {"WWW-Authenticate": "HMAC-SHA256"})


# --- request parsing (pure) ----------------------------------------------------------------------------------


def parse_request(body: bytes, settings: ServeSettings) -> CheckRequest:
    """The validated request, or an ApiError (400 bad JSON, 422 wrong shape or too many versions)."""
    from .types import SEVERITIES

    try:
        data = json.loads(body)
    except UnicodeDecodeError:
        raise ApiError(400, "bad_json", "the body is not UTF-8 text; send JSON encoded as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, "bad_json", f"the body is not valid JSON ({exc.msg} at line {exc.lineno} "
                       f"column {exc.colno})") from None
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_request", 'the body must be a JSON object: {"versions": [...], "fail_on": ...}')
    unknown = sorted(set(data) - _REQUEST_KEYS)
    if unknown:
        raise ApiError(422, "invalid_request", f"unknown field {unknown[0]!r}; the body takes: "
                       f"{', '.join(sorted(_REQUEST_KEYS))}")
    if "versions" not in data:
        raise ApiError(422, "invalid_request",
                       'missing field "versions": give a list of {"id": ..., "text": ..., "lang": ...} objects')
    raw = data["versions"]
    if not isinstance(raw, list):
        raise ApiError(422, "invalid_request", '"versions" must be a list of {"id", "text", "lang"} objects')
    if len(raw) > settings.max_versions:
        raise ApiError(422, "too_many_versions", f"{len(raw)} versions given; this server checks at most "
                       f"{settings.max_versions} per request")
    if len(raw) < 2:
        raise ApiError(422, "invalid_request", f"{len(raw)} version(s) given; give two or more language versions "
                       "of the same article")
    versions = tuple(_parse_version(i, item) for i, item in enumerate(raw))
    fail_on = data.get("fail_on", settings.fail_on)
    if fail_on is None:
        fail_on = settings.fail_on
    if fail_on not in SEVERITIES:
        raise ApiError(422, "invalid_request", f'"fail_on" must be one of {", ".join(SEVERITIES)}, not '
                       f"{json.dumps(fail_on, ensure_ascii=False)}")
    return CheckRequest(versions=versions, fail_on=fail_on)


def _parse_version(i: int, item: Any) -> VersionIn:
    where = f"versions[{i}]"
    if not isinstance(item, dict):
        raise ApiError(422, "invalid_request", f'{where} must be an object {{"id": ..., "text": ..., "lang": ...}}')
    unknown = sorted(set(item) - _VERSION_KEYS)
    if unknown:
        raise ApiError(422, "invalid_request", f"{where}: unknown field {unknown[0]!r}; a version takes: "
                       f"{', '.join(sorted(_VERSION_KEYS))}")
    for key in ("id", "text"):
        if key not in item:
            raise ApiError(422, "invalid_request", f'{where}: missing field "{key}"')
        if not isinstance(item[key], str):
            raise ApiError(422, "invalid_request", f'{where}: "{key}" must be a string')
    ident, lang = item["id"], item.get("lang")
    if not ident.strip() or len(ident) > _MAX_ID_CHARS or any(not c.isprintable() for c in ident):
        raise ApiError(422, "invalid_request", f'{where}: "id" must be 1-{_MAX_ID_CHARS} printable characters')
    if lang is not None and (not isinstance(lang, str) or not lang.strip()):
        raise ApiError(422, "invalid_request", f'{where}: "lang" must be a language code such as "de", or left out')
    return VersionIn(id=ident, text=item["text"], lang=lang)


def documents(request: CheckRequest, model: str) -> list[Document]:
    """Documents for the versions; a missing ``lang`` is the id when that is a language code, else detected."""
    from .embed.models import get_spec
    from .read import lang_from_name, make_document

    candidates = None if model == "auto" or model.startswith("st:") else get_spec(model).languages
    docs = []
    for v in request.versions:
        lang = v.lang or lang_from_name(f"x.{v.id}.txt")
        source = f"version {v.id!r}"
        try:
            if lang is None:
                with _DETECT_LOCK:
                    docs.append(make_document(v.text, id=v.id, lang=None, source=source, candidates=candidates))
            else:
                docs.append(make_document(v.text, id=v.id, lang=lang, source=source))
        except LanguageError as exc:
            raise LanguageError(f'{exc} (in a request: give the version a "lang")') from None
    return docs


# --- the models, once per process ----------------------------------------------------------------------------


def warm_up(settings: ServeSettings) -> dict[str, float]:
    """Load every model the server may use (``auto``: each in its order) and embed one text; seconds per model."""
    from .embed import get_embedder
    from .embed.models import auto_order, get_spec

    ids = auto_order() if settings.model == "auto" else [settings.model]
    loaded: dict[str, float] = {}
    for ident in ids:
        t = time.perf_counter()
        embedder = get_embedder(get_spec(ident))
        if settings.blas_threads and isinstance(getattr(embedder, "threads", None), int):
            embedder.threads = settings.blas_threads  # type: ignore[attr-defined]  # read when the model is created
        embedder.encode(["warm up"])
        loaded[ident] = round(time.perf_counter() - t, 3)
    # one tiny check loads what the first request would otherwise wait for (sentence splitter, lexicons, calibration)
    from .api import check

    with contextlib.suppress(ConsistencyError):
        check({"en": "The museum opens on Monday at 9.", "de": "Das Museum öffnet am Montag um 9 Uhr."},
              model=ids[0], cache=False)
    from .read import known_languages

    known_languages()  # the language identifier, for versions sent without "lang"
    return loaded


Checker = Callable[..., "Report"]


def run_check(request: CheckRequest, settings: ServeSettings, checker: Checker | None = None) -> bytes:
    """The 200 body for a request (runs in a worker thread): ``{"verdict", "report"}`` as UTF-8 JSON."""
    if checker is None:
        from .api import check as checker
    docs = documents(request, settings.model)
    report = checker(docs, model=settings.model, fail_on=request.fail_on, cache=settings.cache)
    body = {"verdict": VERDICTS[report.summary.verdict], "report": report.to_dict()}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def error_for(exc: BaseException) -> ApiError:
    """The HTTP answer for an exception a check raised."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, ModelError):
        return ApiError(503, "model_unavailable", str(exc))
    if isinstance(exc, ConsistencyError):
        code = {LanguageError: "language_error", UsageError: "usage_error"}.get(type(exc), "input_error")
        return ApiError(422, code, str(exc))
    log.error("check failed", exc_info=(type(exc), exc, exc.__traceback__))
    return ApiError(500, "internal_error", f"the check failed unexpectedly ({type(exc).__name__}); "
                    "the server log has the details")


# --- the worker pool -----------------------------------------------------------------------------------------


@dataclass
class _Pool:
    """Worker threads with a bounded queue; counts checks in flight, including timed-out ones still running."""

    workers: int
    max_queue: int
    executor: concurrent.futures.ThreadPoolExecutor = field(init=False)
    in_flight: int = 0
    served: int = 0
    timed_out: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.executor = concurrent.futures.ThreadPoolExecutor(self.workers, thread_name_prefix="consistency-check")

    def _done(self, _: concurrent.futures.Future[Any]) -> None:
        with self._lock:
            self.in_flight -= 1

    async def run(self, fn: Callable[[], bytes], timeout: float) -> bytes:
        with self._lock:
            if self.in_flight >= self.workers + self.max_queue:
                raise ApiError(503, "busy", f"{self.in_flight} checks are running or waiting; retry shortly",
                               {"Retry-After": "1"})
            self.in_flight += 1
        future = self.executor.submit(fn)
        future.add_done_callback(self._done)
        try:
            # a check still queued when the time is up is cancelled; one already running finishes in its thread
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except asyncio.TimeoutError:
            self.timed_out += 1
            raise ApiError(504, "timeout", f"the check took longer than {timeout:g} s; send shorter texts or fewer "
                           "versions, or retry when the server is less busy") from None
        finally:
            self.served += 1

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)


# --- the app -------------------------------------------------------------------------------------------------


def _json_response(status: int, body: dict[str, Any] | bytes, headers: Mapping[str, str] | None = None) -> Response:
    from starlette.responses import Response

    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
    return Response(data, status_code=status, media_type="application/json", headers=dict(headers or {}))


def _error_response(err: ApiError) -> Response:
    return _json_response(err.status, err.body(), err.headers)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "bad_request", "Content-Length is not a number")
        if int(declared) > limit:
            raise ApiError(413, "body_too_large", f"the body is {declared} bytes; this server takes at most {limit}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "body_too_large", f"the body is over {limit} bytes; this server takes at most {limit}")
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(
    settings: ServeSettings | None = None,
    *,
    checker: Checker | None = None,
    on_ready: Callable[[dict[str, float]], None] | None = None,
) -> Starlette:
    """The ASGI app. ``checker`` replaces ``consistency.check`` (tests); ``on_ready`` gets the model load times."""
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.requests import Request
    from starlette.routing import Route

    settings = settings or ServeSettings()
    pool = _Pool(settings.workers, settings.max_queue)
    state: dict[str, Any] = {"loaded": {}, "started": time.time()}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if settings.preload:
            loop = asyncio.get_running_loop()
            state["loaded"] = await loop.run_in_executor(pool.executor, warm_up, settings)
        if on_ready is not None:
            on_ready(state["loaded"])
        try:
            yield
        finally:
            pool.close()

    async def healthz(request: Request) -> Response:
        return _json_response(200, {
            "status": "ok", "version": __version__, "model": settings.model, "loaded": sorted(state["loaded"]),
            "signed": settings.secret is not None, "in_flight": pool.in_flight, "served": pool.served,
            "timed_out": pool.timed_out, "uptime_s": round(time.time() - state["started"], 1),
            "limits": settings.limits(),
        })

    async def check(request: Request) -> Response:
        try:
            ctype = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
            if not (ctype.endswith("/json") or ctype.endswith("+json")):
                raise ApiError(415, "unsupported_media_type", f"Content-Type {ctype!r}: send application/json")
            body = await _read_body(request, settings.max_body_bytes)
            if settings.secret is not None:
                verify_signature(body, request.headers.get(SIGNATURE_HEADER), settings.secret)
            parsed = parse_request(body, settings)
            data = await pool.run(lambda: run_check(parsed, settings, checker), settings.timeout)
        except Exception as exc:  # every failure is a JSON answer; the server keeps serving
            return _error_response(error_for(exc))
        return _json_response(200, data)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        codes = {404: "not_found", 405: "method_not_allowed"}
        message = {404: f"no endpoint {request.url.path}; use POST /v1/check or GET /healthz",
                   405: f"{request.method} is not allowed on {request.url.path}"}.get(exc.status_code, str(exc.detail))
        return _error_response(ApiError(exc.status_code, codes.get(exc.status_code, "http_error"), message,
                                        exc.headers))

    return Starlette(
        routes=[Route("/v1/check", check, methods=["POST"]), Route("/healthz", healthz, methods=["GET"])],
        exception_handlers={HTTPException: http_error},
        lifespan=lifespan,
    )
