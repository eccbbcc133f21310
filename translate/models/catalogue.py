"""Known good Arabic→English models that ``tarjama model fetch NAME`` can get.

Why a catalogue: users should not have to hunt for release URLs. Checksums are
recorded where we have verified them; ``None`` means "unknown": the download is
then accepted and its sha256 recorded in the manifest, so later installs can be
compared against it.

Entries with ``convert`` are Hugging Face checkpoints (NLLB-200) that no one
publishes in CTranslate2 form under a licence we can rely on; ``model fetch``
converts them locally with ``ct2-transformers-converter`` (the optional
``tarjama[convert]`` extra: torch and transformers).
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
    #: Model family (``marian``, ``nllb``, ``m2m100``).
    family: str = "marian"
    #: Hugging Face repository to convert locally instead of a release archive.
    convert: str | None = None


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
        CatalogueEntry(
            name="nllb-200-distilled-600m",
            url="https://huggingface.co/facebook/nllb-200-distilled-600M",
            sha256=None,
            description=(
                "NLLB-200 distilled 600M (Meta), 200 languages, arb_Arab→eng_Latn; converted locally "
                "to int8 (about 600 MB); needs tarjama[convert] to fetch"
            ),
            license="CC-BY-NC 4.0, non-commercial use only",
            family="nllb",
            convert="facebook/nllb-200-distilled-600M",
        ),
        CatalogueEntry(
            name="nllb-200-1.3b",
            url="https://huggingface.co/facebook/nllb-200-1.3B",
            sha256=None,
            description=(
                "NLLB-200 1.3B (Meta), arb_Arab→eng_Latn; converted locally to int8 (about 1.4 GB); "
                "better than 600M, about twice as slow; needs tarjama[convert] to fetch"
            ),
            license="CC-BY-NC 4.0, non-commercial use only",
            family="nllb",
            convert="facebook/nllb-200-1.3B",
        ),
    )
}


def lookup(name: str) -> CatalogueEntry | None:
    return CATALOGUE.get(name)
