"""Answers per second and latency of the receiver, against a bare Starlette endpoint, one run.

    .venv/bin/python benchmarks/receiver.py [--seconds 10] [--connections 100]

Each server is a real uvicorn process on loopback; the load is wrk (Debian's `wrk`) with 100
connections posting a survey answer as JSON. The baseline is a Starlette endpoint that parses
the same JSON and stores nothing: what the framework and the loopback cost on this machine.
SQLite is a fresh file; PostgreSQL a fresh database on DATABASE_URL (default the local server).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

REPO = Path(__file__).resolve().parent.parent
CAMPAIGN = REPO / "tests" / "fixtures" / "shop" / "campaigns" / "campaign.yaml"
CAMPAIGN_DAY = "2026-11-25"
POSTGRES = os.environ.get("DATABASE_URL") or "postgresql://postgres@127.0.0.1:5432/test"
BODY = (
    '{"campaign":"test-month","lang":"en","recommend":"9","favourite":"Service","why":"Friendly"}'
)
BARE = """
import json
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

async def survey(request):
    json.loads(await request.body())
    return JSONResponse({"reward_code": "ABCDEFGHJK"}, status_code=201)

async def health(request):
    return JSONResponse({"status": "ok"})

app = Starlette(routes=[Route("/survey", survey, methods=["POST"]), Route("/health", health)])
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(
    command: list[str], env: dict[str, str], cwd: Path
) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [*command, "--port", str(port)],
        env={**os.environ, **env},
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"{command[0]} did not start")


def load(url: str, seconds: int, connections: int, work: Path) -> dict[str, float]:
    script = work / "post.lua"
    script.write_text(
        'wrk.method = "POST"\n'
        f"wrk.body = '{BODY}'\n"
        'wrk.headers["Content-Type"] = "application/json"\n'
        'wrk.headers["Accept"] = "application/json"\n',
        encoding="utf-8",
    )
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(script),
            url + "/survey",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"errors under load:\n{out}")

    def ms(label: str) -> float:
        value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    return {"rate": rate, "p50": ms("50%"), "p99": ms("99%")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=100)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "bare.py").write_text(BARE, encoding="utf-8")
        receiver = [sys.executable, "-m", "generator", "receiver", "--campaign", str(CAMPAIGN)]
        database = f"appreciate_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(
            "postgresql+psycopg://" + POSTGRES.removeprefix("postgresql://"),
            isolation_level="AUTOCOMMIT",
        )
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{database}"'))
        runs = {
            "bare Starlette endpoint (stores nothing)": (
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "bare:app",
                    "--no-access-log",
                    "--log-level",
                    "warning",
                ],
                {},
            ),
            "receiver, SQLite (WAL, synchronous=FULL)": (
                receiver,
                {"DATABASE_URL": f"sqlite:///{work / 'answers.sqlite3'}"},
            ),
            "receiver, PostgreSQL": (
                receiver,
                {"DATABASE_URL": POSTGRES.rpartition("/")[0] + "/" + database},
            ),
        }
        try:
            for name, (command, env) in runs.items():
                env = {**env, "APPRECIATE_RATE_LIMIT": "0", "NO_MKDOCS_2_WARNING": "1"}
                # a day of the fixture's campaign: the survey is open (it answers 410 after)
                env["APPRECIATE_TODAY"] = CAMPAIGN_DAY
                process, url = serve(command, env, work)
                try:
                    load(url, 2, args.connections, work)  # warm up
                    results[name] = load(url, args.seconds, args.connections, work)
                finally:
                    process.terminate()
                    process.wait()
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            admin.dispose()
    bare = results["bare Starlette endpoint (stores nothing)"]["rate"]
    print(
        f"{args.connections} connections, {args.seconds} s each, "
        f"{os.cpu_count()} CPUs shared with wrk"
    )
    for name, r in results.items():
        print(
            f"{name:<42} {r['rate']:8.0f} answers/s  p50 {r['p50']:6.1f} ms  p99 {r['p99']:6.1f} ms"
            f"  {r['rate'] / bare:5.2f}x the bare endpoint"
        )
    print("goal: >= 1500 answers/s, p99 <= 50 ms")


if __name__ == "__main__":
    main()
