"""Where studies live: an SQLite file in the app's data folder, or any database Optuna supports.

One machine needs nothing but the default file. Several machines share a
study through a server (``postgresql://user@host/db``,
``mysql+pymysql://user@host/db``; drivers in the ``[cluster]`` extra).
Every worker sends a heartbeat while its trial runs; a trial whose worker
died (kill -9, a lost machine) is marked failed once its heartbeat is older
than the grace period, and :class:`optuna.storages.RetryHeartbeatStaleTrialCallback`
(Optuna 4.9's name for ``RetryFailedTrialCallback``)
queues the same parameters again for whichever worker asks next.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import optuna
import sqlalchemy.exc

from core.errors import QT_TRANSLATE_NOOP, ConfigError
from core.tuning.defaults import DEFAULT_FILE, default_storage_url, sqlite_url  # noqa: F401 - the names callers use

#: Seconds between a running trial's heartbeats, and how old the last may be before the trial counts as dead.
HEARTBEAT_INTERVAL = 10
GRACE_PERIOD = 30
#: How often a dead worker's trial is run again.
MAX_RETRY = 2


def open_storage(url: str | None = None, heartbeat_interval: int = HEARTBEAT_INTERVAL,
                 grace_period: int = GRACE_PERIOD) -> optuna.storages.RDBStorage:
    """The database at ``url`` (default: the app's SQLite file), with heartbeats and retries of dead trials.

    ConfigError in one line if the URL is not one SQLAlchemy reads, its driver
    is missing, or the server does not answer.
    """
    url = url or default_storage_url()
    engine_kwargs = {}
    if url.startswith("sqlite:"):
        # Workers on one file wait for each other's writes instead of failing with "database is locked".
        engine_kwargs = {"connect_args": {"timeout": 60}}
        path = url.partition(":///")[2]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        for attempt in range(5):
            try:
                return optuna.storages.RDBStorage(
                    url,
                    engine_kwargs=engine_kwargs,
                    heartbeat_interval=heartbeat_interval,
                    grace_period=grace_period,
                    heartbeat_stale_trial_callback=optuna.storages.RetryHeartbeatStaleTrialCallback(max_retry=MAX_RETRY),
                )
            except (sqlalchemy.exc.IntegrityError, sqlalchemy.exc.OperationalError) as exc:
                # Two workers creating the tables of a new database at once: one wins, the other reads them
                # (SQLite says "table ... already exists"; a server, a duplicate key).
                racing = isinstance(exc, sqlalchemy.exc.IntegrityError) or "already exists" in str(exc)
                if not racing or attempt == 4:
                    raise
                time.sleep(0.2 + random.random())
    except ModuleNotFoundError as exc:
        raise ConfigError(QT_TRANSLATE_NOOP("core", "The database driver {module!r} for {url} is not installed: "
                                            "pip install 'imdb-sentiment-studio[cluster]'."), module=exc.name, url=_safe(url)) from None
    except Exception as exc:  # noqa: BLE001 - SQLAlchemy's URL and connection errors have no common base we can name
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConfigError(QT_TRANSLATE_NOOP("core", "Cannot open the study database {url}: {reason}"), url=_safe(url), reason=reason) from None


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        from sqlalchemy.engine import make_url  # noqa: PLC0415

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is shown as given
        return url
