"""Known good Arabic→English models that ``tarjama model fetch NAME`` can get.

Why a catalogue: users should not have to hunt for release URLs. Checksums are
recorded where we have verified them; ``None`` means "unknown": the download is
then accepted and its sha256 recorded in the manifest, so later installs can be
compared against it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    url: str
    sha256: str | None
    description: str
    license: str


CATALOGUE: dict[str, CatalogueEntry] = {
    e.name: e
    for e in (
        CatalogueEntry(
            name="opus-mt-ar-en",
            url="https://object.pouta.csc.fi/OPUS-MT-models/ar-en/opus-2019-12-18.zip",
            sha256=None,
            description="OPUS-MT ar-en, Transformer base (Marian), about 300 MB; fast",
            license="CC-BY 4.0",
        ),
        CatalogueEntry(
            name="opus-mt-tc-big-ara-eng",
            url=(
                "https://object.pouta.csc.fi/Tatoeba-MT-models/ara-eng/"
                "opusTCv20210807+bt_transformer-big_2022-03-09.zip"
            ),
            sha256=None,
            description=(
                "Tatoeba-Challenge ara-eng Transformer-big (opusTCv20210807+bt, 2022-03-09); "
                "FLORES-200 BLEU 42.8, best open ar→en model of its size; slower"
            ),
            license="CC-BY 4.0",
        ),
    )
}


def lookup(name: str) -> CatalogueEntry | None:
    return CATALOGUE.get(name)
