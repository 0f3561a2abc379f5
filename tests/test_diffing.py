"""The word-level diff (counterdraft.diffing): minimal, number-aware, sentence-aware and deterministic."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from counterdraft.diffing import Change, char_diff, diff, tokens


def changed(old: str, new: str) -> list[tuple[str, str]]:
    """Each change as (old text, new text)."""
    return [(old[c.start:c.end], new[c.new_start:c.new_end]) for c in diff(old, new)]


def apply(old: str, new: str, changes: list[Change]) -> str:
    out, at = [], 0
    for c in changes:
        out += [old[at:c.start], new[c.new_start:c.new_end]]
        at = c.end
    return "".join(out) + old[at:]


def test_tokens_keep_every_character_so_they_join_back_into_the_text():
    text = "Pay $1,500,000.00 within sixty (60) days, i.e. by the Employer's  deadline."
    assert "".join(tokens(text)) == text


def test_a_sum_of_money_is_one_token_and_changes_as_one_unit():
    assert "$1,500,000" in tokens("a salary of $1,500,000 per year")
    assert changed("a salary of $1,500,000 per year", "a salary of $1,750,000 per year") == \
        [("$1,500,000", "$1,750,000")]
    assert changed("paid 0.5 FTE", "paid 0.75 FTE") == [("0.5", "0.75")]


def test_sixty_days_to_ninety_days_is_two_minimal_changes():
    old, new = "within sixty (60) days of notice", "within ninety (90) days of notice"
    assert changed(old, new) == [("sixty", "ninety"), ("60", "90")]


def test_an_inserted_or_deleted_word_is_one_change():
    assert changed("the base salary", "the annual base salary") == [("", "annual ")]
    assert changed("the annual base salary", "the base salary") == [("annual ", "")]


def test_a_mostly_rewritten_sentence_is_replaced_whole_and_its_neighbours_untouched():
    old = "Keep this sentence. alpha b gamma d epsilon. Keep this one too."
    new = "Keep this sentence. one b two d three. Keep this one too."
    assert changed(old, new) == [("alpha b gamma d epsilon", "one b two d three")]


def test_a_lightly_edited_sentence_keeps_its_word_changes():
    old = "The Employee shall work forty hours each week at the main campus."
    new = "The Employee shall work thirty hours each week at the north campus."
    assert changed(old, new) == [("forty", "thirty"), ("main", "north")]


def test_the_diff_is_deterministic():
    old = " ".join(f"word{i}" for i in range(400))
    new = " ".join(f"word{i}" if i % 7 else f"other{i}" for i in range(400))
    assert diff(old, new) == diff(old, new)


def test_equal_texts_have_no_changes():
    assert diff("same", "same") == [] and char_diff("same", "same") == []


def test_char_diff_changes_only_the_characters_that_differ():
    assert [(c.start, c.end, c.new_start, c.new_end) for c in char_diff("preparation-2", "preparation-3")] == \
        [(12, 13, 12, 13)]


words = st.lists(st.sampled_from(["the", "salary", "$1,500,000", "sixty", "(60)", "days", ",", ".", "  ", "FTE"]),
                 max_size=25).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(words, words)
def test_applying_the_changes_gives_the_new_text(old, new):
    assert apply(old, new, diff(old, new)) == new
    assert apply(old, new, char_diff(old, new)) == new
