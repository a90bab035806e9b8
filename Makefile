# One task runner behind the README's commands: a newcomer, CI and a developer run the same steps.
PY      := .venv/bin/python
VENV    := .venv/.installed
WIDGETS := .cache/widgets/require.js
HTML_MANAGER := @jupyter-widgets/html-manager@1.0.6
REQUIREJS    := requirejs@2.3.4

.PHONY: setup course test check lab serve clean

## setup: Python packages in .venv, widget scripts for the offline book, Chromium for browser tests
setup: $(VENV) $(WIDGETS) /usr/bin/chromium

$(VENV): requirements.txt pyproject.toml
	python3 -m venv .venv
	.venv/bin/pip install --quiet --upgrade pip
	.venv/bin/pip install --quiet -r requirements.txt
	.venv/bin/pip install --quiet --no-deps -e .
	touch $@

$(WIDGETS):
	rm -rf .cache/npm && mkdir -p .cache/npm .cache/widgets
	cd .cache/npm && npm pack --silent $(HTML_MANAGER) $(REQUIREJS) >/dev/null
	cd .cache/npm && for f in *.tgz; do mkdir -p "$${f%.tgz}" && tar xzf "$$f" -C "$${f%.tgz}"; done
	cp .cache/npm/jupyter-widgets-html-manager-*/package/dist/* .cache/widgets/
	rm -f .cache/widgets/*.map
	cp .cache/npm/requirejs-*/package/require.js $@

/usr/bin/chromium:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
	  || { echo "Could not install Debian's chromium (needed for the browser tests): run 'sudo apt-get install chromium'"; exit 1; }

## course: release the exercises and build both book editions
course: setup
	.venv/bin/scenariokit course

## test: the whole test suite
test: setup
	$(PY) -m pytest

## check: what an author got wrong, by notebook and cell
check: $(VENV)
	.venv/bin/scenariokit check

## lab: JupyterLab for a trainer's session, on http://127.0.0.1:8888
lab: setup
	.venv/bin/scenariokit lab

## serve: both book editions on http://127.0.0.1:8000/
serve:
	@echo "Trainee edition: http://127.0.0.1:8000/trainee/_build/html/   Trainer edition: http://127.0.0.1:8000/trainer/_build/html/"
	$(PY) -m http.server --bind 127.0.0.1 --directory _build 8000

clean:
	rm -rf _build .cache gradebook.db submitted autograded feedback
