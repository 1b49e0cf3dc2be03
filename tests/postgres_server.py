"""A real PostgreSQL server for the shared-study tests, started from Debian's binaries with pytest-postgresql.

pytest-postgresql's executor runs ``pg_ctl`` (initdb, start, stop). initdb
and the server refuse to run as root, and CI runs the tests as root: then
``pg_ctl`` is called through a two-line wrapper that runs it as the
``postgres`` user (``runuser``), in a folder that user owns. As any other
user it runs directly. Without PostgreSQL the test is skipped, except
where ``STUDIO_REQUIRE_POSTGRESQL`` is set (``.ci/run`` sets it): there a
missing server is a failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import tempfile
from pathlib import Path

import pytest


def find_pg_ctl() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return found[-1] if found else shutil.which("pg_ctl")


def missing(reason: str) -> None:
    if os.environ.get("STUDIO_REQUIRE_POSTGRESQL"):
        pytest.fail(f"{reason} (STUDIO_REQUIRE_POSTGRESQL is set: apt-get install postgresql)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def postgresql_url():
    """``postgresql+psycopg://postgres@127.0.0.1:<port>/studies`` on a throw-away server, stopped after the module."""
    executors = pytest.importorskip("pytest_postgresql.executors")
    from port_for import get_port

    pg_ctl = find_pg_ctl()
    if pg_ctl is None:
        missing("no pg_ctl: PostgreSQL's server binaries are not installed")
    folder = Path(tempfile.mkdtemp(prefix="studio-postgresql-"))
    executable = pg_ctl
    if os.geteuid() == 0:
        # Root: the server's files belong to the postgres user, and pg_ctl runs as that user.
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            missing("running as root and there is no postgres user to run the server as")
        os.chmod(folder, 0o755)
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        executable = str(folder / "pg_ctl")
        Path(executable).write_text(f'#!/bin/sh\nexec runuser -u postgres -- "{pg_ctl}" "$@"\n')
        os.chmod(executable, 0o755)
    port = get_port(None)
    server = executors.PostgreSQLExecutor(
        executable=executable, host="127.0.0.1", port=port, datadir=str(folder / "data"), unixsocketdir=str(folder),
        logfile=str(folder / "server.log"), startparams="-w", dbname="studies", user="postgres",
    )
    server.start()
    server.wait_for_postgres()  # the port opens before the server accepts connections
    try:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres", autocommit=True) as connection:
            connection.execute("CREATE DATABASE studies")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/studies"
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
