"""detect: keep the segments that commit their authors (baseline)."""

from __future__ import annotations

from versprochen.extraction.stage import stage
from versprochen.extraction.types import Candidate, DetectedDocument, Rejection, SegmentedDocument


@stage("detect", 1)
def detect(doc: SegmentedDocument) -> DetectedDocument:
    kept, rejected = [], []
    for seg in doc.segments:
        if len(seg.text.split()) >= 6:
            kept.append(Candidate(text=seg.text, segments=(seg,), score=1.0))
        else:
            rejected.append(Rejection(seg, "short"))
    return DetectedDocument(outlined=doc.outlined, candidates=tuple(kept), rejected=tuple(rejected))
