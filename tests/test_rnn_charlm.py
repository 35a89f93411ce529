"""Part 9's embedding and character-level language model pages: claims that span programs."""
import codecs
import contextlib
import io
import math
from collections import Counter

import pytest
import torch
from torch import nn

from runner import snippet_globals


@pytest.mark.parametrize("shape, vocab, padding_idx", [((7,), 5, None), ((3, 4), 11, 0), ((2, 3, 5), 8, 7)])
def test_lookup_is_one_hot_product_with_equal_gradients(shape, vocab, padding_idx):
    """The embedding page's first claim for other shapes, in float64, with and without padding_idx:
    equal outputs, equal weight gradients (the padding row's excepted: it gets none)."""
    torch.manual_seed(0)
    emb = nn.Embedding(vocab, 3, padding_idx=padding_idx).double()
    ids = torch.randint(vocab, shape)
    W = emb.weight.detach().clone().requires_grad_()
    upstream = torch.randn(*shape, 3, dtype=torch.float64)
    (emb(ids) * upstream).sum().backward()
    product = nn.functional.one_hot(ids, vocab).double() @ W
    (product * upstream).sum().backward()
    assert torch.equal(emb(ids).detach(), product.detach())
    expected = W.grad.clone()
    if padding_idx is not None:
        expected[padding_idx] = 0
    torch.testing.assert_close(emb.weight.grad, expected)
    untouched = [i for i in range(vocab) if i not in ids.flatten().tolist() or i == padding_idx]
    assert torch.all(emb.weight.grad[untouched] == 0)


@pytest.mark.parametrize("mode", ["sum", "mean", "max"])
def test_embedding_bag_equals_embedding_then_reduce(mode):
    """EmbeddingBag with random bag sizes against Embedding + a per-bag reduction, forward and backward."""
    torch.manual_seed(1)
    sizes = [3, 1, 5, 2, 4]
    ids = torch.randint(20, (sum(sizes),))
    offsets = torch.tensor([0] + sizes[:-1]).cumsum(0)
    bag = nn.EmbeddingBag(20, 6, mode=mode).double()
    table = nn.Embedding(20, 6).double()
    table.load_state_dict(bag.state_dict())
    reduce = {"sum": lambda t: t.sum(0), "mean": lambda t: t.mean(0), "max": lambda t: t.max(0).values}[mode]
    out = bag(ids, offsets)
    ref = torch.stack([reduce(p) for p in table(ids).split(sizes)])
    torch.testing.assert_close(out, ref)
    upstream = torch.randn_like(out)
    (out * upstream).sum().backward()
    (ref * upstream).sum().backward()
    torch.testing.assert_close(bag.weight.grad, table.weight.grad)


@pytest.fixture(scope="module")
def char_lm():
    return snippet_globals("snippets/rnn/char_lm.py")


def test_char_lm_baselines_and_start(char_lm):
    """The page: the untrained model is near the vocabulary size; the unigram perplexity is exp(entropy)
    of the training text's character counts, computed here independently."""
    with contextlib.redirect_stdout(io.StringIO()):
        import this
    text = codecs.decode(this.s, "rot13")
    assert char_lm["text"] == text and len(text) == 856
    train = text[:char_lm["split"]]
    counts = Counter(train)
    entropy = -sum(c / len(train) * math.log(c / len(train)) for c in counts.values())
    assert char_lm["unigram"] == pytest.approx(math.exp(entropy), rel=1e-5)
    assert abs(char_lm["train_ppl"][0] - char_lm["vocab_size"]) < 0.05 * char_lm["vocab_size"]
    # three chunks per epoch (32, 32 and 26 targets), 60 epochs
    assert char_lm["n"] == 91 and len(char_lm["train_ppl"]) == 180


def test_char_lm_sampling_repeats_and_low_temperature_is_greedy(char_lm):
    """Sampling with a seeded generator repeats; a temperature near zero equals greedy decoding;
    the share of real words falls as the temperature rises."""
    sample, model, chars = char_lm["sample"], char_lm["model"], char_lm["chars"]
    one = sample("Simple", 60, 1.0, torch.Generator().manual_seed(3))
    two = sample("Simple", 60, 1.0, torch.Generator().manual_seed(3))
    assert one == two
    device = next(model.parameters()).device
    greedy, state = "Simple", None
    x = torch.tensor([[chars.index(c) for c in greedy]], device=device)
    with torch.no_grad():
        for _ in range(60):
            logits, state = model(x, state)
            i = logits[0, -1].argmax().item()
            greedy += chars[i]
            x = torch.tensor([[i]], device=device)
    assert sample("Simple", 60, 1e-4, torch.Generator().manual_seed(0)) == greedy
    known = char_lm["known"]
    assert known[0.5] > known[1.0] > known[2.0]


def test_gru_behaves_like_the_lstm():
    """Exercise 2's claim: the GRU, like the LSTM, memorizes the text, and its held-out perplexity
    passes through a minimum below the unigram baseline and then rises."""
    gru = snippet_globals("snippets/rnn/ex_charlm_gru.py")
    lstm_unigram = 22.6
    assert gru["train_ppl"][-1] < 1.1
    assert min(gru["held_ppl"]) < lstm_unigram < gru["held_ppl"][-1]
    assert sum(p.numel() for p in gru["model"].parameters()) == 62589


def test_char_lm_prose_details(char_lm):
    """Details the page states: the commonest characters, the held-out tail's shared phrases,
    how soon training beats the unigram, and an aphorism recited whole at temperature 0.5."""
    text, split = char_lm["text"], char_lm["split"]
    counts = Counter(text[:split])
    assert [c for c, _ in counts.most_common(2)] == [" ", "e"] and counts["Z"] == 1
    tail = text[split:]
    assert tail.startswith("f the implementation") and tail.count("\n") == 1
    for phrase in ("the implementation is", "to explain", "idea"):
        assert phrase in tail and phrase in text[:split]
    first_below = next(i for i, p in enumerate(char_lm["train_ppl"]) if p < char_lm["unigram"])
    assert first_below < 5 * 3                        # within the first five epochs
    recited = char_lm["sample"]("Beautiful", 200, 0.5, torch.Generator().manual_seed(0))
    assert "In the face of ambiguity, refuse the temptation to guess." in recited
    assert "Flat is better than implementation is hard to explain, it's a bad idea." in recited
