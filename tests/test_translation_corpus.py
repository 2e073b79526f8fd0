"""The committed translation corpus is exactly what its generator makes (notebook 10)."""

import importlib.util
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
CORPUS = DATA / "eng_fra_grammar_pairs.tsv"

spec = importlib.util.spec_from_file_location(
    "make_translation_pairs", DATA / "make_translation_pairs.py"
)
make_translation_pairs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_translation_pairs)


@pytest.fixture(scope="module")
def pairs():
    return make_translation_pairs.generate()


def test_committed_file_is_the_generator_output(pairs):
    expected = make_translation_pairs.to_tsv(pairs).encode("utf-8")
    assert CORPUS.read_bytes() == expected, (
        "data/eng_fra_grammar_pairs.tsv differs from what data/make_translation_pairs.py "
        "generates: rerun `python data/make_translation_pairs.py` or restore the file with "
        "`git checkout -- data/eng_fra_grammar_pairs.tsv`"
    )


def test_size_and_distinct_pairs(pairs):
    assert len(set(pairs)) == len(pairs) >= 20_000


def test_no_duplicate_english_lines(pairs):
    english = [en for en, _ in pairs]
    assert len(set(english)) == len(english)


def test_the_lessons_example_is_present(pairs):
    assert ("I drink milk", "je bois du lait") in pairs


def test_generation_is_deterministic():
    assert make_translation_pairs.generate(seed=7, n_pairs=500) == (
        make_translation_pairs.generate(seed=7, n_pairs=500)
    )
    assert make_translation_pairs.generate(seed=7, n_pairs=500) != (
        make_translation_pairs.generate(seed=8, n_pairs=500)
    )
