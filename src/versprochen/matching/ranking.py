"""Ranking council papers for a text: which papers are about this pledge?

Papers are indexed by their terms (`matching.terms`: lemmas and compound parts)
and ranked by the cosine of BM25-saturated, idf-weighted term vectors (plain
BM25 favours long files when the query is a whole paper), the name, reference
and agenda item titles counting more than the body of the files. On top of the
text score, a paper gains where it names the pledge's places and quantities,
and loses where it is older than the document the pledge comes from. The index
grows paper by paper: adding a hundred papers to ten thousand touches only the
hundred.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import scipy.sparse as sp

from versprochen.matching.passages import Passage, best_passage
from versprochen.matching.terms import quantities, reference_terms, term_counts, terms, token_terms

__all__ = ["Hit", "Paper", "PaperIndex", "Query"]

# BM25 constants as commonly used; b a little lower than 0.75 as council files
# differ in length by their genre (a motion, a budget plan), not by topic drift.
K1 = 1.2
B = 0.6
# How much more a term in a paper's name, reference or agenda item title counts.
TITLE_WEIGHT = 3
# Papers scored further than the text score's first candidates are not boosted.
CANDIDATES = 50
# How much more a paper's reference named in the query counts than a word: a text
# citing "2025/0147" is about that paper and its follow-ups ("2025/0147/1").
REFERENCE_WEIGHT = 8.0
PLACE_BOOST = 0.25
QUANTITY_BOOST = 0.1
QUANTITY_BOOST_MAX = 0.3
# A paper from before the pledge's document can hardly pursue it.
BEFORE_FACTOR = 0.5
# Re-saturate term frequencies when the mean length moved this much.
_DRIFT = 0.15


@dataclass(frozen=True, slots=True)
class Paper:
    id: str
    name: str
    reference: str = ""
    # The text of its files.
    texts: tuple[str, ...] = ()
    # Titles of the agenda items it was consulted under.
    titles: tuple[str, ...] = ()
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    places: tuple[str, ...] = ()
    quantities: tuple[str, ...] = ()
    # Papers dated before this day lose weight.
    after: date | None = None
    exclude: frozenset[str] = field(default_factory=frozenset)
    # Only papers scoring above this: after a sync, the score of the weakest
    # suggestion a pledge keeps, so that only papers that would enter are returned
    # (and only their passages are looked for).
    floor: float = 0.0


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    score: float
    passage: Passage


@dataclass(slots=True)
class _Row:
    paper: Paper
    length: int
    quantities: frozenset[str]
    alive: bool = True


class PaperIndex:
    """BM25 over papers, grown incrementally with `add`."""

    def __init__(self) -> None:
        self._vocab: dict[str, int] = {}
        # Columns of the terms of each token seen (a token as split at spaces).
        self._token_columns: dict[str, tuple[int, ...]] = {}
        self._df: list[int] = []
        self._rows: list[_Row] = []
        self._by_id: dict[str, int] = {}
        # Raw weighted term frequencies, one block per `add`; the saturated matrix
        # is kept beside and extended with each block.
        self._raw: list[sp.csr_matrix] = []
        self._matrix: sp.csr_matrix | None = None
        self._avgdl = 0.0
        self._total_length = 0

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, paper_id: object) -> bool:
        return paper_id in self._by_id

    @property
    def ids(self) -> list[str]:
        return list(self._by_id)

    def add(self, papers: Iterable[Paper]) -> None:
        """Index `papers`; a paper already indexed under its id is replaced."""
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        vals: list[np.ndarray] = []
        first = len(self._rows)
        df = self._df
        for paper in papers:
            old = self._by_id.get(paper.id)
            if old is not None:
                self._retire(old)
            counts = self._column_counts(paper)
            index = len(self._rows)
            columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            for column in counts:
                df[column] += 1
            values = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            length = int(values.sum())
            self._rows.append(_Row(paper, length, _paper_quantities(paper)))
            self._by_id[paper.id] = index
            self._total_length += length
            rows.append(np.full(len(columns), index - first, dtype=np.int64))
            cols.append(columns)
            vals.append(values)
        added = len(self._rows) - first
        if not added:
            return
        block = sp.csr_matrix(
            (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
            shape=(added, len(self._vocab)),
        )
        self._raw.append(block)
        mean = self._total_length / max(len(self._by_id), 1)
        if self._matrix is None or abs(mean - self._avgdl) > _DRIFT * self._avgdl:
            self._avgdl = mean
            self._matrix = sp.vstack([self._saturated(b, s) for b, s in self._blocks()]).tocsr()
        else:
            old = self._matrix
            old.resize((old.shape[0], len(self._vocab)))
            self._matrix = sp.vstack([old, self._saturated(block, first)]).tocsr()

    def remove(self, ids: Iterable[str]) -> None:
        for paper_id in ids:
            index = self._by_id.get(paper_id)
            if index is not None:
                self._retire(index)

    def rank(self, query: Query, limit: int = 5, among: Iterable[str] | None = None) -> list[Hit]:
        return self.rank_many([query], limit, among)[0]

    def rank_many(
        self, queries: Sequence[Query], limit: int = 5, among: Iterable[str] | None = None
    ) -> list[list[Hit]]:
        """The best `limit` papers for each query, best first; only papers in
        `among` when given (the new papers of a sync)."""
        if self._matrix is None or not self._by_id or not queries:
            return [[] for _ in queries]
        matrix = self._matrix
        rows: np.ndarray | None = None
        if among is not None:
            rows = np.array(
                sorted({self._by_id[i] for i in among if i in self._by_id}), dtype=np.int64
            )
            if not len(rows):
                return [[] for _ in queries]
            matrix = matrix[rows]
        idf = self._idf()
        norms = self._norms(matrix, idf)
        results: list[list[Hit]] = []
        # Chunks keep the dense score matrix small.
        for start in range(0, len(queries), 256):
            chunk = queries[start : start + 256]
            vectors, wanted = self._query_vectors(chunk, idf)
            scores = (matrix @ vectors.T).toarray() / norms[:, None]
            for j, query in enumerate(chunk):
                column = scores[:, j]
                results.append(self._best(query, column, rows, limit, idf, wanted[j]))
        return results

    # -- internals

    def _column_counts(self, paper: Paper) -> dict[int, int]:
        """How often each term (by column) occurs in `paper`, titles weighted."""
        counts: dict[int, int] = {}
        get = counts.get
        columns_of = self._token_columns
        parts = (
            (TITLE_WEIGHT, " ".join((paper.name, *paper.titles))),
            (1, "\n".join(paper.texts)),
        )
        for weight, text in parts:
            for token, n in Counter(text.split()).items():
                columns = columns_of.get(token)
                if columns is None:
                    columns = columns_of[token] = tuple(self._column(t) for t in token_terms(token))
                for column in columns:
                    counts[column] = get(column, 0) + n * weight
        for term in reference_terms(paper.reference) if paper.reference else ():
            column = self._column(term)
            counts[column] = get(column, 0) + TITLE_WEIGHT
        return counts

    def _column(self, term: str) -> int:
        column = self._vocab.get(term)
        if column is None:
            column = self._vocab[term] = len(self._vocab)
            self._df.append(0)
        return column

    def _retire(self, index: int) -> None:
        row = self._rows[index]
        if not row.alive:
            return
        row.alive = False
        del self._by_id[row.paper.id]
        self._total_length -= row.length
        block, offset = self._block_of(index)
        for column in block.indices[block.indptr[offset] : block.indptr[offset + 1]]:
            self._df[column] -= 1
        if self._matrix is not None:
            # Zero the row so that a retired paper scores nothing.
            start, end = self._matrix.indptr[index], self._matrix.indptr[index + 1]
            self._matrix.data[start:end] = 0.0

    def _blocks(self) -> Iterable[tuple[sp.csr_matrix, int]]:
        start = 0
        for block in self._raw:
            yield block, start
            start += block.shape[0]

    def _block_of(self, index: int) -> tuple[sp.csr_matrix, int]:
        for block, start in self._blocks():
            if index < start + block.shape[0]:
                return block, index - start
        raise IndexError(index)

    def _saturated(self, block: sp.csr_matrix, start: int) -> sp.csr_matrix:
        """BM25's saturated term frequency for the rows of `block` starting at `start`."""
        block = block.copy()
        block.resize((block.shape[0], len(self._vocab)))
        lengths = np.array(
            [
                self._rows[start + i].length if self._rows[start + i].alive else 0
                for i in range(block.shape[0])
            ],
            dtype=np.float64,
        )
        alive = np.array([self._rows[start + i].alive for i in range(block.shape[0])])
        norm = K1 * (1 - B + B * lengths / max(self._avgdl, 1.0))
        per_entry = np.repeat(norm, np.diff(block.indptr))
        tf = block.data
        block.data = tf * (K1 + 1) / (tf + per_entry)
        block.data *= np.repeat(alive, np.diff(block.indptr))
        return block

    def _idf(self) -> np.ndarray:
        df = np.asarray(self._df, dtype=np.float64)
        n = len(self._by_id)
        return np.log1p((n - df + 0.5) / (df + 0.5))

    @staticmethod
    def _norms(matrix: sp.csr_matrix, idf: np.ndarray) -> np.ndarray:
        """Each paper's vector length under the current idf: scores are cosines, so
        that a long file does not win by its length alone."""
        squared = matrix.multiply(matrix) @ (idf * idf)
        norms: np.ndarray = np.sqrt(np.asarray(squared, dtype=np.float64).ravel())
        norms[norms == 0] = 1.0
        return norms

    def _query_vectors(
        self, queries: Sequence[Query], idf: np.ndarray
    ) -> tuple[sp.csr_matrix, list[frozenset[str]]]:
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        wanted: list[frozenset[str]] = []
        for i, query in enumerate(queries):
            counts = term_counts(query.text)
            known = {t: n for t, n in counts.items() if t in self._vocab}
            for term, n in known.items():
                column = self._vocab[term]
                rows.append(i)
                cols.append(column)
                weight = REFERENCE_WEIGHT if term[0] in "#=" else 1.0
                vals.append(weight * idf[column] * idf[column] * (1 + math.log(n)))
            wanted.append(frozenset(known))
        vectors = sp.csr_matrix((vals, (rows, cols)), shape=(len(queries), len(self._vocab)))
        return vectors, wanted

    def _best(
        self,
        query: Query,
        column: np.ndarray,
        rows: np.ndarray | None,
        limit: int,
        idf: np.ndarray,
        wanted: frozenset[str],
    ) -> list[Hit]:
        count = min(max(CANDIDATES, limit), len(column))
        top = np.argpartition(-column, count - 1)[:count]
        scored: list[tuple[float, int]] = []
        place_terms = [frozenset(terms(p)) for p in query.places]
        wanted_quantities = quantities(" ".join((query.text, *query.quantities)))
        for position in top:
            score = float(column[position])
            if score <= 0:
                continue
            index = int(rows[position]) if rows is not None else int(position)
            row = self._rows[index]
            if not row.alive or row.paper.id in query.exclude:
                continue
            score *= self._boost(query, index, row, place_terms, wanted_quantities)
            if score > query.floor:
                scored.append((score, index))
        scored.sort(key=lambda pair: (-pair[0], self._rows[pair[1]].paper.id))
        vocab = self._vocab

        def weight(term: str) -> float:
            column = vocab.get(term)
            return float(idf[column]) if column is not None else 0.0

        hits = []
        for score, index in scored[:limit]:
            paper = self._rows[index].paper
            texts = (paper.name, *paper.titles, *paper.texts)
            hits.append(Hit(paper.id, round(score, 4), best_passage(texts, weight, wanted)))
        return hits

    def _boost(
        self,
        query: Query,
        index: int,
        row: _Row,
        place_terms: list[frozenset[str]],
        wanted_quantities: frozenset[str],
    ) -> float:
        factor = 1.0
        if place_terms:
            assert self._matrix is not None
            present = self._matrix.indices[
                self._matrix.indptr[index] : self._matrix.indptr[index + 1]
            ]
            columns = {int(c) for c in present}
            for place in place_terms:
                if place and all(self._vocab.get(t, -1) in columns for t in place):
                    factor += PLACE_BOOST
        shared = len(wanted_quantities & row.quantities)
        if shared:
            factor += min(QUANTITY_BOOST * shared, QUANTITY_BOOST_MAX)
        paper_date = row.paper.date
        if query.after is not None and paper_date is not None and paper_date < query.after:
            factor *= BEFORE_FACTOR
        return factor


def _paper_quantities(paper: Paper) -> frozenset[str]:
    found: set[str] = set()
    for text in (paper.name, *paper.titles, *paper.texts):
        found |= quantities(text)
    return frozenset(found)
