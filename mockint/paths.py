"""The one module that knows where mockint keeps things.

Data root (contract, see docs/architecture.md):
1. ``MOCKINT_HOME`` if set;
2. else, when running from a source checkout (the repo's ``recordings/`` exists beside the
   ``mockint/`` package), the checkout itself;
3. else the platform's user data directory (platformdirs).

Under it: ``mockint.db``, ``recordings/``, ``banks/`` (the user's own banks), ``config.yaml``.
Functions here only compute paths; :func:`ensure_private_dir` is the one that creates folders.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_HOME = "MOCKINT_HOME"
APP_NAME = "mockint"

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_DIR = _PACKAGE_DIR.parent


def data_root() -> Path:
    """Where the database, recordings, user banks and config live (see module doc)."""
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    if (_CHECKOUT_DIR / "recordings").is_dir() and (_CHECKOUT_DIR / "pyproject.toml").is_file():
        return _CHECKOUT_DIR
    import platformdirs  # deferred: only needed for installed copies

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def db_path() -> Path:
    return data_root() / "mockint.db"


def recordings_dir() -> Path:
    return data_root() / "recordings"


def user_banks_dir() -> Path:
    return data_root() / "banks"


def config_path() -> Path:
    return data_root() / "config.yaml"


def bundled_banks_dir() -> Path:
    """The banks shipped with mockint: the checkout's ``question_banks/``, or the copy a
    wheel install carries inside the package."""
    checkout = _CHECKOUT_DIR / "question_banks"
    if checkout.is_dir():
        return checkout
    return _PACKAGE_DIR / "_question_banks"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the owner only: recordings are private."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkdir's mode is filtered by the umask and ignored for existing folders: set it outright.
    os.chmod(path, 0o700)
    return path
