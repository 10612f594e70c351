"""``consistency serve``: the HTTP check service for a CMS (``POST /v1/check``, ``GET /healthz``)."""
from __future__ import annotations

import argparse
import ipaddress
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Callable

from ..errors import ConfigError, ModelError, UsageError
from ._common import EXIT_ERROR, EXIT_OK
from . import COMMANDS


def _positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"{text!r} must be above 0")
        return value

    return parse


def read_secret(path: str | None) -> bytes | None:
    """The shared signing secret from ``--secret-file`` (whitespace around it dropped), else $CONSISTENCY_SERVE_SECRET."""
    from ..serve import SECRET_ENV

    if path:
        try:
            data = Path(path).read_bytes().strip()
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the secret file ({exc.strerror}); give a readable file") from None
        if not data:
            raise ConfigError(f"{path}: the secret file is empty; put the shared secret in it")
        return data
    env = os.environ.get(SECRET_ENV, "").strip()
    return env.encode("utf-8") if env else None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port or --host") from None
    sock.listen(128)
    return sock


@COMMANDS.register("serve")
class ServeCommand:
    help = "run the HTTP check service for a CMS (POST /v1/check, GET /healthz)"

    def add_arguments(self, p: argparse.ArgumentParser) -> None:
        from ..embed.models import model_ids
        from ..serve import SECRET_ENV, ServeSettings
        from ..types import SEVERITIES

        d = ServeSettings()
        p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
        p.add_argument("--port", type=int, default=8080, help="port (default: 8080; 0 picks a free one)")
        p.add_argument("--model", default="auto", metavar="MODEL",
                       help=f"embedding model: auto (default), {', '.join(model_ids())}, or st:NAME_OR_FOLDER")
        p.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
        p.add_argument("--cache-dir", metavar="DIR", help="embedding cache folder (default: ~/.cache/consistency)")
        p.add_argument("--fail-on", default=d.fail_on, choices=SEVERITIES,
                       help="severity that makes the verdict block when a request does not say (default: high)")
        p.add_argument("--max-body-bytes", type=_positive(int), default=d.max_body_bytes, metavar="N",
                       help=f"largest request body accepted, else 413 (default: {d.max_body_bytes})")
        p.add_argument("--max-versions", type=_positive(int), default=d.max_versions, metavar="N",
                       help=f"most versions in one request, else 422 (default: {d.max_versions})")
        p.add_argument("--timeout", type=_positive(float), default=d.timeout, metavar="SECONDS",
                       help=f"seconds a request may wait for and run its check, else 504 (default: {d.timeout:g})")
        p.add_argument("--workers", type=_positive(int), default=d.workers, metavar="N",
                       help=f"checks run at once, in threads (default: {d.workers})")
        p.add_argument("--max-queue", type=int, default=d.max_queue, metavar="N",
                       help=f"checks that may wait for a worker; beyond them 503 (default: {d.max_queue})")
        p.add_argument("--blas-threads", type=_positive(int), default=d.blas_threads, metavar="N",
                       help="BLAS threads per model (default: 1; more is slower on a busy machine)")
        p.add_argument("--secret-file", metavar="PATH",
                       help=f"require requests signed with the secret in this file (or set ${SECRET_ENV})")
        p.add_argument("--access-log", action="store_true", help="log every request on standard output")

    def run(self, args: argparse.Namespace) -> int:
        try:
            import uvicorn
        except ImportError:
            raise ModelError("consistency serve needs starlette and uvicorn; run `pip install 'consistency[serve]'`") \
                from None
        from ..serve import ServeSettings, create_app, warm_up

        if args.max_queue < 0:
            raise UsageError("--max-queue must be 0 or more")
        secret = read_secret(args.secret_file)
        settings = ServeSettings(
            model=args.model, cache=False if args.no_cache else (args.cache_dir or True), fail_on=args.fail_on,
            max_body_bytes=args.max_body_bytes, max_versions=args.max_versions, timeout=args.timeout,
            workers=args.workers, max_queue=args.max_queue, secret=secret, blas_threads=args.blas_threads,
        )
        if not _is_loopback(args.host) and secret is None:
            sys.stderr.write(f"consistency serve: warning: listening on {args.host} without --secret-file: "
                             "anyone who can reach it can run checks\n")
        # load the models before listening: a model that cannot load is one error line and exit 2
        loaded = warm_up(settings)
        sock = _bind(args.host, args.port)
        host, port = sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host

        def ready(_: dict[str, float]) -> None:
            models = ", ".join(f"{m} ({s:.1f} s)" for m, s in loaded.items())
            sys.stderr.write(f"consistency serve: listening on http://{shown}:{port} (models: {models}; "
                             f"{'signed requests only' if secret else 'unsigned'}); Ctrl-C stops\n")
            sys.stderr.flush()

        app = create_app(settings, on_ready=ready)
        config = uvicorn.Config(app, log_level="warning", access_log=args.access_log, lifespan="on",
                                timeout_graceful_shutdown=int(args.timeout) + 1)
        server = uvicorn.Server(config)
        # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal: make both a clean stop
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            server.run(sockets=[sock])
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
            sock.close()
        if not server.started:
            return EXIT_ERROR
        sys.stderr.write("consistency serve: stopped\n")
        return EXIT_OK
