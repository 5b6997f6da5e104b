"""Noise removal with DeepFilterNet3: 48 kHz audio through its three graphs in chunks, the cleaned recording out.

Each chunk is one run of the encoder, the ERB-gain decoder and the deep-filter decoder, followed by the
numpy signal processing of deepfilter_dsp. The graphs' GRUs take no state in and give none out, so a
chunk cannot continue where the last one stopped: it starts as a fresh recording (running means from
their starting values, GRUs from zero) a little earlier, and that warm-up is thrown away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.core import readable
from playground.core.card import ModelCard
from playground.core.card_schema import PreprocessTable, TableProblem, count, number
from playground.core.errors import InputError
from playground.core.media import AudioData
from playground.core.results import Denoised
from playground.core.task import Feeds, Outputs, Runner
from playground.core.words import translate
from playground.tasks import deepfilter_dsp as dsp
from playground.tasks.knobs import param
from playground.tasks.vad import mono_at

# Measured on noisy48k and on a 65 s clip made of it (8 × the sentence with pauses, 5 dB SNR):
# - a chunk that carries on the running means of the recording but starts its GRUs at zero can lose up to
#   3.9 dB over the next 1.5 s, and never settles on the whole run's output (its GRUs remember for longer
#   than the 8 s clip); starting the chunk as a fresh recording instead loses 0.06 dB on average after a
#   2 s warm-up (worst 0.6 dB) over the 1.5 s after the seam, and is what the model was trained on;
# - whole-clip SNR with 10–20 s chunks and 0.5–5 s of warm-up stays within ±0.15 dB of one run over
#   everything, and the 8.13 s sample is one chunk, so it gives the reference figure exactly;
# - on 5 minutes, 10 s chunks instead of 20 s leave the open sessions holding 297 MB instead of 505 MB
#   (onnxruntime keeps the memory of its largest run) for 13.0 s instead of 13.1 s of work, and move the
#   progress bar every half second; a Stop also interrupts the run in flight.
CHUNK_FRAMES = 1000
WARM_FRAMES = 200
PAUSE_LSNR_DB = -10.0  # frames the model rates at this speech-to-noise or lower count as pauses
MIN_PAUSE_SHARE = 0.05  # fewer pause frames than this and "quieter in the pauses" would be a guess
SPEECH_LSNR_DB = 0.0  # frames rated above this hold speech (or something the model keeps, like a tone)
MIN_SPEECH_FRAMES = 10  # 0.1 s
SILENT_PEAK = 1.0 / 32768  # below one step of 16-bit audio, a recording is silence
CLIPPED_LEVEL, CLIPPED_SHARE = 0.99, 0.001
FULL_BAND_RATE = 32000  # a recording made at a lower rate has nothing above half of it to clean
LIMIT_PARAM = "atten_lim_db"  # upstream's name for the most the noise may be lowered, in dB


@dataclass(frozen=True, eq=False)
class DenoiseContext:
    samples: np.ndarray  # mono float32 at cfg.sample_rate
    padded: np.ndarray
    frames: int
    cfg: dsp.DfConfig
    widths: np.ndarray
    window: np.ndarray
    original_rate: int  # the rate the recording was made at, before resampling


@dataclass(frozen=True, kw_only=True)
class DenoisePre(PreprocessTable):
    """The card's [preprocess]: the model's fixed signal settings (DeepFilterNet's config.ini)."""

    sample_rate: int = count()
    fft_size: int = count()
    hop: int = count()
    nb_erb: int = count()  # ERB bands the gains are given for
    nb_df: int = count()  # lowest bins the deep filter works on
    df_order: int = count()  # taps of the deep filter, in frames
    df_lookahead: int = count()
    conv_lookahead: int = count()
    min_nb_erb_freqs: int = count()
    norm_tau: float = number()  # time constant of the running means, in seconds

    def __post_init__(self) -> None:
        if self.fft_size != 2 * self.hop:
            raise TableProblem("fft_size", f"({self.fft_size}) must be twice 'preprocess.hop' ({self.hop}); "
                                           "this task cannot use other frames")
        if self.df_order <= self.df_lookahead:
            raise TableProblem("df_order", f"({self.df_order}) must exceed 'preprocess.df_lookahead' "
                                           f"({self.df_lookahead})")


def config(card: ModelCard) -> dsp.DfConfig:
    """The model's signal settings from the card's [preprocess]."""
    pre = DenoisePre.of(card)
    return dsp.DfConfig(sample_rate=pre.sample_rate, fft_size=pre.fft_size, hop=pre.hop, nb_erb=pre.nb_erb,
                        nb_df=pre.nb_df, df_order=pre.df_order, df_lookahead=pre.df_lookahead,
                        conv_lookahead=pre.conv_lookahead, min_nb_erb_freqs=pre.min_nb_erb_freqs, norm_tau=pre.norm_tau)


class DenoiseTask:
    """Cleans a recording chunk by chunk and reports after each chunk; Stop is checked between them."""

    input_kind = "audio"
    entry = "file"
    result_type = Denoised
    card_tables = (DenoisePre,)

    def preprocess(self, data: AudioData, card: ModelCard, params: dict[str, Any]) -> tuple[Feeds, DenoiseContext]:
        cfg = config(card)
        samples = mono_at(data, cfg.sample_rate)
        if len(samples) < cfg.fft_size:
            ms = 1000 * len(samples) / cfg.sample_rate
            raise InputError(translate("DenoiseTask", "The recording is only {ms} ms long; the noise remover needs at "
                                                      "least {least} ms (a few seconds of speech work best).").format(
                ms=f"{ms:.0f}", least=f"{1000 * cfg.fft_size / cfg.sample_rate:.0f}"))
        padded, frames = dsp.padded_signal(samples, cfg)
        widths = dsp.erb_widths(cfg.sample_rate, cfg.fft_size, cfg.nb_erb, cfg.min_nb_erb_freqs)
        return {}, DenoiseContext(samples, padded, frames, cfg, widths, dsp.vorbis_window(cfg.fft_size),
                                  data.original_rate or data.sample_rate)

    def infer(self, runner: Runner, feeds: Feeds, ctx: DenoiseContext) -> Outputs:
        out = np.zeros_like(ctx.padded)
        lsnr = np.zeros(ctx.frames, np.float32)
        for start in range(0, ctx.frames, CHUNK_FRAMES):
            runner.check()
            stop = min(start + CHUNK_FRAMES, ctx.frames)
            _chunk(runner, ctx, start, stop, out, lsnr)
            if stop < ctx.frames:
                runner.report(stop / ctx.frames)
        hop = ctx.cfg.hop
        return {"cleaned": out[hop:hop + len(ctx.samples)], "lsnr": lsnr}

    def postprocess(self, outputs: Outputs, ctx: DenoiseContext, card: ModelCard,
                    params: dict[str, Any]) -> Denoised:
        cleaned, lsnr = outputs["cleaned"], outputs["lsnr"]
        knob = next((p for p in card.params if p.name == LIMIT_PARAM), None)
        limit_db = param(card, params, LIMIT_PARAM) if knob is not None else None
        if knob is not None and limit_db is not None and (knob.max is None or limit_db < knob.max):  # its top means "no limit"
            # DeepFilterNet's attenuation limit: a little of the recording mixed back in, so the noise is
            # lowered by at most limit_db (upstream mixes spectra; the transforms are linear, so it is the same).
            keep = np.float32(10.0 ** (-abs(limit_db) / 20.0))
            cleaned = cleaned + keep * (ctx.samples - cleaned)
        return _result(ctx, cleaned.astype(np.float32, copy=False), lsnr)


def _chunk(runner: Runner, ctx: DenoiseContext, start: int, stop: int, out: np.ndarray, lsnr: np.ndarray) -> None:
    """Clean frames start..stop−1 into `out` (overlap-added) and their speech-to-noise estimates into `lsnr`."""
    cfg = ctx.cfg
    lo = max(0, start - WARM_FRAMES)
    before = cfg.df_order - 1 - cfg.df_lookahead  # frames the deep filter reaches back
    after = max(cfg.df_lookahead, cfg.conv_lookahead)
    spec = dsp.spectrum(ctx.padded, lo - before, stop + after, ctx.frames, cfg, ctx.window)
    # Features look conv_lookahead frames ahead; past the end of the recording they are zero, not the
    # features of silence (the model was exported that way).
    ahead = min(stop + cfg.conv_lookahead, ctx.frames)
    erb, low = dsp.features(spec[before:before + ahead - lo], ctx.widths, dsp.FeatureState.initial(cfg), cfg)
    shift, count = cfg.conv_lookahead, stop - lo
    feat_erb = np.zeros((count, cfg.nb_erb), np.float32)
    feat_spec = np.zeros((2, count, cfg.nb_df), np.float32)
    feat_erb[:len(erb) - shift] = erb[shift:]
    feat_spec[:, :len(erb) - shift] = low[:, shift:]
    enc = runner.run({"feat_erb": feat_erb[None, None], "feat_spec": feat_spec[None]})
    gains = runner.run({k: enc[k] for k in ("emb", "e3", "e2", "e1", "e0")}, ["m"], role="erb_dec")["m"]
    coefs = runner.run({"emb": enc["emb"], "c0": enc["c0"]}, ["coefs"], role="df_dec")["coefs"]
    keep = start - lo
    coefs = coefs[0, keep:].reshape(stop - start, cfg.nb_df, cfg.df_order, 2)
    noisy = spec[keep:keep + before + (stop - start) + cfg.df_lookahead]
    cleaned = dsp.apply_gains(noisy[before:before + stop - start], gains[0, 0, keep:], ctx.widths)
    cleaned[:, :cfg.nb_df] = dsp.deep_filter(noisy, coefs, cfg)
    out[cfg.hop * start:cfg.hop * (stop + 1)] += dsp.overlap_add(cleaned, ctx.window, cfg)
    lsnr[start:stop] = enc["lsnr"][0, keep:, 0]


_BLOCK = 1 << 20  # samples summed at a time in float64: a long recording needs no float64 copy of itself


def _energy(x: np.ndarray, minus: np.ndarray | None = None) -> float:
    """Σ x² (or Σ (x − minus)²) in float64."""
    total = 0.0
    for i in range(0, len(x), _BLOCK):
        block = x[i:i + _BLOCK].astype(np.float64)
        if minus is not None:
            block -= minus[i:i + _BLOCK]
        total += float(block @ block)
    return total


def _pause_energy(x: np.ndarray, pauses: np.ndarray, hop: int) -> float:
    """Sound energy in the frames marked as pauses."""
    frames = x[:len(pauses) * hop].reshape(len(pauses), hop)
    step = _BLOCK // hop
    return sum(_energy(frames[i:i + step][pauses[i:i + step]].ravel()) for i in range(0, len(frames), step))


def _result(ctx: DenoiseContext, cleaned: np.ndarray, lsnr: np.ndarray) -> Denoised:
    samples, hop = ctx.samples, ctx.cfg.hop
    before, after = _energy(samples), _energy(cleaned)
    removed = _energy(samples, minus=cleaned)
    notes = []
    peak = float(np.abs(samples).max())
    if peak < SILENT_PEAK:
        notes.append(translate("DenoiseTask", "The recording is silent: there is no noise to remove."))
    elif int((lsnr > SPEECH_LSNR_DB).sum()) < MIN_SPEECH_FRAMES:
        notes.append(translate("DenoiseTask", "The model heard no speech here, so it took away nearly all of the "
                                              "sound."))
    if peak >= CLIPPED_LEVEL and float(np.mean(np.abs(samples) >= CLIPPED_LEVEL)) >= CLIPPED_SHARE:
        notes.append(translate("DenoiseTask", "The recording was too loud when it was made (its peaks are cut off); "
                                              "the model lowers the noise but cannot repair that crackle."))
    if ctx.original_rate < FULL_BAND_RATE:
        notes.append(translate("DenoiseTask", "This recording was made at {made_khz} kHz, so it has no sound above "
                                              "{top_khz} kHz; it was resampled to {model_khz} kHz, and the model can "
                                              "clean only what is there.").format(
            made_khz=readable.local(f"{ctx.original_rate / 1000:g}"),
            top_khz=readable.local(f"{ctx.original_rate / 2000:g}"),
            model_khz=readable.local(f"{ctx.cfg.sample_rate / 1000:g}")))
    pauses = lsnr[:len(samples) // hop] <= PAUSE_LSNR_DB
    pause_db = None
    if before > 0 and pauses.mean() >= MIN_PAUSE_SHARE:
        heard, kept = _pause_energy(samples, pauses, hop), _pause_energy(cleaned, pauses, hop)
        pause_db = float(10 * np.log10(heard / max(kept, 1e-20))) if heard > 0 else None
    return Denoised(samples=samples, cleaned=cleaned, sample_rate=ctx.cfg.sample_rate, lsnr=lsnr,
                    frame_seconds=hop / ctx.cfg.sample_rate, removed_share=removed / before if before else 0.0,
                    snr_before_db=float(10 * np.log10(max(after, 1e-20) / removed)) if before and removed else None,
                    pause_reduction_db=pause_db, notes=tuple(notes))
