# Two commands for a newcomer: `make run` (set up everything, then open the window) and
# `make test` (set up everything, then run the tests). Both are safe to repeat: nothing is
# downloaded or built twice.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?= -q

.PHONY: run test release-check setup models bench bench-ratios corpus soak bundle bundle-starter translations deb clean

run: setup
	$(BIN)/playground

test: setup
	@$(BIN)/python -m playground.system offscreen
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# The long checks, run before a release besides `make test`: every model rebuilt from the download
# cache, a twenty-minute recording, and the int8 builds' answers under an emulated AVX2 processor.
release-check: setup
	@$(BIN)/python -m playground.system offscreen
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS) -m release

setup: $(STAMP) models

models: $(STAMP)
	$(BIN)/playground models fetch

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Inference Playground needs Python 3.11 or newer, but $(PYTHON) is $$($(PYTHON) --version 2>&1)."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
	  { echo "Could not create a virtual environment: install it with 'sudo apt-get install python3-venv'."; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,media,batch,ray]'
	@touch $(STAMP)

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/overhead.py

# Every speed ratio against the engines people pick instead (llama.cpp, CTranslate2, OpenVINO, a bare onnxruntime
# loop), in one table with its goal; builds the benchmark-only engines in .venv-bench/ first where missing.
bench-ratios: setup
	$(BIN)/python benchmarks/ratios.py

# The long hostile-corpus run: 100 broken, lying, huge and odd inputs through every model, on the command
# line and in the window (the test command runs a short version). Longer fuzzing: FUZZ_EXAMPLES=2000 make test.
corpus: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/hostile_corpus.py

# The long soak: 10,000 runs across a model of each kind in repeat mode with the graphs live, with bursts of
# rapid switches and Stops; memory, threads, timers, files and objects must not grow (docs/soak.md). The
# test command runs a short version. Fewer runs: SOAK_ARGS='--runs 2000' make soak.
soak: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/soak.py $(SOAK_ARGS)

# A one-folder app with the models inside (dist/inference-playground/); PyInstaller is a build tool only.
bundle: setup
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pyinstaller==6.22.3
	$(BIN)/pyinstaller --noconfirm packaging/playground.spec

# The same with only the welcome page's models inside (packaging/starter-models.txt), the others downloaded from
# the window: dist/inference-playground-starter/.
bundle-starter: setup
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pyinstaller==6.22.3
	PLAYGROUND_BUNDLE=starter $(BIN)/pyinstaller --noconfirm packaging/playground.spec

# Translations: every string the window, the tasks and the lessons show, collected from the code into
# assets/translations/<code>.ts (start a language with `make translations LANG_CODE=de`, translate it in Qt
# Linguist), then compiled to the .qm files the window loads. A language is offered once its explainers are
# there too (assets/explainers/<code>/): ui/i18n.py.
translations: setup
	$(BIN)/python scripts/translations.py $(LANG_CODE)

# The Debian package (dist/inference-playground_<version>_<arch>.deb) made from that folder with dpkg-deb;
# install it with `sudo apt install ./dist/inference-playground_*.deb`.
deb: bundle
	$(BIN)/python scripts/build_deb.py --bundle dist/inference-playground --out dist

clean:
	rm -rf $(VENV) $(VENV)-bench .pytest_cache build dist *.egg-info
