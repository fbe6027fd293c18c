# The two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
SEEDS ?= ../shared/data/seeds
BIN := $(VENV)/bin

# PostgreSQL for the second run of the suite (skipped when unreachable unless REQUIRE_POSTGRES=1).
TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/versprochen
PORT ?= 8000

.PHONY: demo demo-compare test lint bench serve test-sqlite test-postgres browser-deps messages bench-web

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: serve

# The tracker on the embedded SQLite file in ./data; the first start imports the seeds.
serve: $(BIN)/.installed
	$(BIN)/versprochen serve --seeds $(SEEDS) --port $(PORT)

# After `make demo`: the federal 2025 agreement with the CDU/CSU and SPD 2025 programs and
# their comparison at /vergleich/bund-koalitionsvertrag-2025-bund/ (every proposal confirmed
# unchecked, so that the demo shows something; an editor confirms them one by one).
DOCS ?= ../shared/data
demo-compare: $(BIN)/.installed
	$(BIN)/versprochen import $(DOCS)/pdf/koalitionsvertrag-bund-2025.pdf --body Bund --kind coalition_agreement \
		--authors "CDU,CSU,SPD" --term 2025-2029 --date 2025-04-09 --title "Koalitionsvertrag 2025 (Bund)"
	$(BIN)/versprochen import $(DOCS)/documents/wahlprogramm-bund-2025-cdu-csu.md --body Bund --kind program \
		--authors "CDU,CSU" --term 2025-2029 --title "Wahlprogramm CDU/CSU 2025"
	$(BIN)/versprochen import $(DOCS)/pdf/wahlprogramm-bund-2025-spd.pdf --body Bund --kind program \
		--authors SPD --term 2025-2029 --title "Wahlprogramm SPD 2025"
	$(BIN)/versprochen comparison "Koalitionsvertrag 2025 (Bund)" --program "Wahlprogramm CDU/CSU 2025=CDU/CSU" \
		--program "Wahlprogramm SPD 2025=SPD" --confirm-all

# axe-core (npm) for the accessibility test in Chromium.
node_modules/axe-core/axe.min.js: package.json
	npm install --no-audit --no-fund --silent
	touch $@

browser-deps: node_modules/axe-core/axe.min.js

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

test: lint test-sqlite test-postgres

test-sqlite: $(BIN)/.installed
	$(BIN)/pytest

test-postgres: $(BIN)/.installed
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(TEST_DATABASE_URL)', dbname='postgres', connect_timeout=3).close()" 2>/dev/null; then \
		DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/pytest -p no:cacheprovider tests/tracker tests/jobs tests/oparl tests/coalition tests/reports tests/site tests/api tests/browser; \
	elif [ -n "$$REQUIRE_POSTGRES" ]; then echo "PostgreSQL at $(TEST_DATABASE_URL) unreachable" >&2; exit 1; \
	else echo "PostgreSQL at $(TEST_DATABASE_URL) unreachable: suite ran on SQLite only"; fi

# German is the source language; regenerate and compile the English catalogue (needs gettext).
messages: $(BIN)/.installed
	cd src/versprochen && VERSPROCHEN_SECRET_KEY=messages ../../$(BIN)/django-admin makemessages -l en --settings versprochen.site.settings \
		--ignore 'extraction/*' --ignore 'tracker/migrations/*' --ignore 'tracker/testing.py'
	for wing in site coalition reports; do \
		(cd src/versprochen/$$wing && VERSPROCHEN_SECRET_KEY=messages ../../../$(BIN)/django-admin compilemessages --settings versprochen.site.settings) || exit 1; \
	done

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/extraction_quality.py
	$(BIN)/python benchmarks/extraction_speed.py

# Web benchmark: 10,000 and 100,000 pledges on SQLite and PostgreSQL behind gunicorn.
bench-web: $(BIN)/.installed
	$(BIN)/python benchmarks/web_load.py --database-url $(TEST_DATABASE_URL)
