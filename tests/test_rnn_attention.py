"""Part 9's attention pages: claims that span programs (seq2seq with attention, the
Transformer), and the from-scratch attention checked on more shapes than the pages show."""
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from runner import snippet_globals

SEQ2SEQ = "snippets/rnn/seq2seq_attention.py"
TRANSFORMER = "snippets/rnn/transformer_reverse.py"


def test_transformer_and_seq2seq_are_tested_on_the_same_strings():
    s2s, tf = snippet_globals(SEQ2SEQ), snippet_globals(TRANSFORMER)
    assert torch.equal(s2s["src_test"].cpu(), tf["src_test"].cpu())
    assert torch.equal(s2s["len_test"].cpu(), tf["len_test"].cpu())
    # the transformer's targets are the seq2seq's without EOS
    assert torch.equal(tf["same_length_targets"](s2s["tgt_test"]).cpu(), tf["y_test"].cpu())


def test_transformer_is_as_accurate_as_the_lstm_seq2seq():
    """The page's comparison: both solve the task; the Transformer is not worse by more
    than 0.05 (the recorded runs: 0.984 against 0.973 of the strings)."""
    s2s, tf = snippet_globals(SEQ2SEQ), snippet_globals(TRANSFORMER)
    assert s2s["seq_acc"] > 0.9 and tf["seq_acc"] > 0.9
    assert tf["seq_acc"] > s2s["seq_acc"] - 0.05
    assert tf["token_acc"] > s2s["token_acc"] - 0.02


def test_attention_beats_the_plain_encoder_decoder():
    """Exercise 1 of the seq2seq page: same data, same budget, no attention."""
    with_attention = snippet_globals(SEQ2SEQ)["seq_acc"]
    without = snippet_globals("snippets/rnn/ex_s2s_no_attention.py")["seq_acc"]
    assert with_attention > without + 0.3


@pytest.mark.parametrize("shape_q, shape_kv", [((4, 6), (9, 6)), ((1, 3, 7, 5), (1, 3, 7, 5)),
                                               ((2, 2, 10, 16), (2, 2, 10, 16))])
def test_scratch_attention_equals_sdpa(shape_q, shape_kv):
    attention = snippet_globals("snippets/rnn/sdpa_scratch.py")["attention"]
    torch.manual_seed(0)
    q = torch.randn(shape_q, dtype=torch.float64)
    k, v = torch.randn(shape_kv, dtype=torch.float64), torch.randn(shape_kv, dtype=torch.float64)
    out, weights = attention(q, k, v)
    torch.testing.assert_close(out, F.scaled_dot_product_attention(q, k, v), rtol=1e-12, atol=1e-12)
    if shape_q == shape_kv:       # square: the causal mask applies
        length = shape_q[-2]
        causal = torch.ones(length, length, dtype=torch.bool).tril()
        out, _ = attention(q, k, v, causal)
        torch.testing.assert_close(out, F.scaled_dot_product_attention(q, k, v, is_causal=True),
                                   rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("embed_dim, heads", [(12, 3), (8, 1), (16, 4)])
def test_hand_written_multi_head_equals_nn_multiheadattention(embed_dim, heads):
    multi_head = snippet_globals("snippets/rnn/mha_scratch.py")["multi_head"]
    torch.manual_seed(1)
    mha = nn.MultiheadAttention(embed_dim, heads, batch_first=True).double()
    x = torch.randn(4, 7, embed_dim, dtype=torch.float64)
    memory = torch.randn(4, 5, embed_dim, dtype=torch.float64)
    padding = torch.zeros(4, 5, dtype=torch.bool)
    padding[1, 3:] = True
    padding[2, 1:] = True
    for args, mask in [((x, x, x), None), ((x, memory, memory), padding)]:
        out, weights = multi_head(*args, mha, mask)
        ref, ref_weights = mha(*args, key_padding_mask=mask)
        torch.testing.assert_close(out, ref, rtol=1e-12, atol=1e-12)
        torch.testing.assert_close(weights, ref_weights, rtol=1e-12, atol=1e-12)


def test_the_transformer_uses_the_pages_positional_encodings():
    """transformer_reverse.py's compact sinusoidal() equals positional_encoding.py's."""
    page = snippet_globals("snippets/rnn/positional_encoding.py")["sinusoidal"]
    model = snippet_globals(TRANSFORMER)["sinusoidal"]
    for length, d_model in [(8, 32), (50, 16), (3, 64)]:
        torch.testing.assert_close(model(length, d_model), page(length, d_model))
