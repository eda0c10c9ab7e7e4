"""What a :class:`~mockint.coach.Coach` stands on, made on first use, and its lock."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from mockint.store import Store

if TYPE_CHECKING:
    from mockint.banks import Catalog
    from mockint.config import Config
    from mockint.speech.transcriber import Transcriber


class CoachBase:
    """What every Coach call stands on (see :class:`~mockint.coach.Coach`), and the lock its
    store calls hold."""

    def __init__(
        self,
        store: Store | Callable[[], Store],
        catalog: Catalog | Callable[[], Catalog] | None,
        config: Config | Callable[[], Config],
        transcriber: Transcriber | Callable[[], Transcriber] | None = None,
    ) -> None:
        self._store = store
        self._catalog = catalog
        self._config = config
        self._transcriber = transcriber
        self._db = threading.RLock()

    @classmethod
    def open(
        cls,
        config: Config | Callable[[], Config],
        *,
        catalog: Catalog | Callable[[], Catalog] | None = None,
        transcriber: Transcriber | Callable[[], Transcriber] | None = None,
        recover: bool = True,
        shared: bool = False,
    ) -> Self:
        """A Coach over the data root's store. ``shared`` lets thread workers share it (the
        app); ``recover=False`` skips repairing cut-off recordings (read-only commands)."""
        return cls(
            lambda: Store.open(recover=recover, check_same_thread=not shared),
            catalog,
            config,
            transcriber,
        )

    @property
    def store(self) -> Store:
        """The store, opened on first use."""
        store: Store = self._made("_store")
        return store

    @property
    def config(self) -> Config:
        config: Config = self._made("_config")
        return config

    def close(self) -> None:
        """Close the store, if it was ever opened."""
        with self._db:
            if isinstance(self._store, Store):
                self._store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _locked(self) -> Iterator[Store]:
        with self._db:
            yield self.store

    # -- what is made on first use

    def _made(self, name: str) -> Any:
        """The attribute ``name``, made first if it holds a factory (none of the values is
        callable itself: a Store, a Catalog, a Config, a Transcriber)."""
        with self._db:
            value = getattr(self, name)
            if callable(value):
                value = value()
                setattr(self, name, value)
            return value

    @property
    def catalog(self) -> Catalog:
        """The loaded banks (all of them: bundled, then the user's)."""
        with self._db:
            given = self._catalog
        if given is not None and not callable(given):
            return given
        # Loaded outside the lock: reading the banks takes a while, and store calls from
        # other threads need not wait for it.
        if given is None:
            from mockint.banks import load_catalog  # deferred: pydantic and YAML

            given = load_catalog
        made = given()
        with self._db:
            if self._catalog is None or callable(self._catalog):
                self._catalog = made
            return self._catalog

    def reload_catalog(self) -> None:
        """Forget the loaded banks (a debrief may have written new questions to one)."""
        with self._db:
            self._catalog = None

    @property
    def transcriber(self) -> Transcriber:
        """The speech model, made once (loading it costs more than scoring an answer)."""
        with self._db:
            if self._transcriber is None:
                from mockint.speech.transcriber import Transcriber

                speech = self.config.speech
                self._transcriber = lambda: Transcriber(speech)
            transcriber: Transcriber = self._made("_transcriber")
            return transcriber
