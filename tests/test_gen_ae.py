"""Part 10's autoencoder and VAE pages: the claims that span programs or need a reference."""

import numpy as np
import pytest
import torch
from torch.distributions import Bernoulli, Normal, kl_divergence

import runner
from runner import snippet_globals


@pytest.fixture(scope="module")
def ae():
    pytest.importorskip("sklearn")
    torch.set_num_threads(1)
    return snippet_globals("snippets/gen/ae_digits.py")


def test_the_pages_pca_is_scikit_learns(ae):
    """The baseline the autoencoder is measured against: the page's SVD-based PCA gives the same
    test reconstruction error as sklearn.decomposition.PCA, which the autoencoder beats."""
    from sklearn.decomposition import PCA
    x_train = ae["x_train"].cpu().double().numpy()
    x_test = ae["x_test"].cpu().double().numpy()
    pca = PCA(n_components=3).fit(x_train)
    reference = float(np.mean((pca.inverse_transform(pca.transform(x_test)) - x_test) ** 2))
    assert ae["pca_mse"] == pytest.approx(reference, rel=1e-4)
    assert ae["ae_mse"] < reference
    # the three explained variances too: the same subspace
    mine = torch.tensor(x_train - x_train.mean(0)) @ ae["components"].cpu().double()
    np.testing.assert_allclose(mine.var(dim=0).numpy(), pca.explained_variance_, rtol=1e-4)


@pytest.mark.filterwarnings("ignore:self.within_class_std_dev_")
def test_nearest_centroid_is_scikit_learns(ae):
    """The page's nearest-centroid accuracies (codes, PCA, pixels) equal scikit-learn's NearestCentroid."""
    from sklearn.neighbors import NearestCentroid
    y_train, y_test = ae["y_train"].numpy(), ae["y_test"].numpy()
    with torch.no_grad():
        pairs = {
            "autoencoder code (3)": (ae["codes_train"], ae["codes_test"]),
            "PCA (3)": (ae["pca_code"](ae["x_train"]), ae["pca_code"](ae["x_test"])),
            "raw pixels (64)": (ae["x_train"], ae["x_test"]),
        }
    for name, (train, test) in pairs.items():
        clf = NearestCentroid().fit(train.cpu().double().numpy(), y_train)
        expected = clf.score(test.cpu().double().numpy(), y_test)
        assert abs(ae["acc"][name] - expected) <= 1 / 450, name   # float32 ties at most one image


def test_reconstruction_error_fell_every_few_epochs(ae):
    """'The reconstruction error falls': the test MSE after every tenth epoch is below the one before."""
    test_mse = [h[1] for h in ae["history"]]
    checkpoints = test_mse[::10] + [test_mse[-1]]
    assert all(b < a for a, b in zip(checkpoints, checkpoints[1:])), checkpoints


def test_closed_form_kl_equals_torch_distributions():
    """The page's closed-form KL against torch.distributions over random batches, in float64."""
    kl = snippet_globals("snippets/gen/vae_kl.py")["kl_to_standard_normal"]
    generator = torch.Generator().manual_seed(0)
    for shape in [(5,), (7, 3), (2, 4, 6)]:
        mu = torch.randn(shape, generator=generator, dtype=torch.float64) * 2
        logvar = torch.randn(shape, generator=generator, dtype=torch.float64) * 1.5
        q = Normal(mu, torch.exp(0.5 * logvar))
        p = Normal(torch.zeros_like(mu), torch.ones_like(mu))
        torch.testing.assert_close(kl(mu, logvar), kl_divergence(q, p).sum(-1))


@pytest.fixture(scope="module")
def vae():
    pytest.importorskip("sklearn")
    torch.set_num_threads(1)
    return snippet_globals("snippets/gen/vae_digits.py")


def test_vae_loss_is_the_negative_elbo(vae):
    """vae_loss's two terms, rebuilt from torch.distributions with the same noise: the reconstruction
    term is minus the Bernoulli log-likelihood of the pixels, the KL term is kl_divergence."""
    model, x = vae["model"], vae["x_test"][:32]
    torch.manual_seed(1)
    recon, kl = vae["vae_loss"](model, x)
    torch.manual_seed(1)
    with torch.no_grad():
        mu, logvar = model.encoder(x).chunk(2, dim=1)
        q = Normal(mu, torch.exp(0.5 * logvar))
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        likelihood = Bernoulli(logits=model.decoder(z), validate_args=False)
        expected_recon = -likelihood.log_prob(x).sum() / len(x)
        expected_kl = kl_divergence(q, Normal(0.0, 1.0)).sum() / len(x)
    torch.testing.assert_close(recon.detach(), expected_recon, rtol=1e-5, atol=1e-4)
    torch.testing.assert_close(kl.detach(), expected_kl, rtol=1e-5, atol=1e-5)


def test_reconstruction_term_reaches_the_encoder(vae):
    """The reparameterization at work in the trained VAE: the reconstruction term alone gives a
    non-zero gradient to every encoder parameter (with sample() it gives none: ex_vae_sample)."""
    model = vae["model"]
    recon, _ = vae["vae_loss"](model, vae["x_test"][:64])
    grads = torch.autograd.grad(recon, list(model.encoder.parameters()))
    assert all(g.abs().sum() > 0 for g in grads)


def test_reparameterised_gradient_matches_autograd_through_the_density():
    """vae_reparam's claim in general: d/dmu and d/dlogvar of E[f(z)], estimated through
    mu + std * eps, equal the exact gradients for f(z) = z^2 (a closed form) at random points."""
    generator = torch.Generator().manual_seed(0)
    mu = torch.randn(4, generator=generator, dtype=torch.float64).requires_grad_()
    logvar = torch.randn(4, generator=generator, dtype=torch.float64).requires_grad_()
    eps = torch.randn(400_000, 4, generator=generator, dtype=torch.float64)
    z = mu + torch.exp(0.5 * logvar) * eps
    estimate = torch.autograd.grad((z ** 2).mean(0).sum(), [mu, logvar])
    exact = torch.autograd.grad((mu ** 2 + logvar.exp()).sum(), [mu, logvar])
    for e, x in zip(estimate, exact):
        torch.testing.assert_close(e, x, rtol=0, atol=0.03)
