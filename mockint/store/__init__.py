"""SQLite storage of attempts, sessions and practice state.

``from mockint.store import Store``; ``store = Store.open()``. See :mod:`mockint.store.store`
for the life of an attempt, :mod:`mockint.store.db` for connections, and
:mod:`mockint.store.migrations` for the schema.
"""

from mockint.store.attempts import Attempt, Orphan, Status, Trend
from mockint.store.store import Store

__all__ = ["Attempt", "Orphan", "Status", "Store", "Trend"]
