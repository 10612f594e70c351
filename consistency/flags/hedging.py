"""``hedging`` flags: counterparts that differ in certainty ("probably SMIC" against "SMIC").

Each version's text in an alignment group is read for hedging cues
(``cues.py``): strong ones (probably, reportedly, wahrscheinlich, prawdopodobnie,
"a quanto pare"), weak ones (the conditional "could": potrebbe, pourraient,
könnte) and modals (can, may in the present or future: può, potranno, mogą).
Hedged or not (any cue) is put to a vote over the versions of the group. A
version on the other side from the majority is a candidate only when a strong or
weak cue carries the difference: "can" marks ability as often as possibility,
so a version hedged by a modal alone, or a majority hedged by modals alone, is
not flagged; nor is one hedged by an expectation alone ("dovrebbe", "devrait",
"voraussichtlich": "should" against a plain future is a faithful choice), and an
expectation is as hedged as "probably" ("sarà probabilmente pubblicato" =
"dovrebbe essere pubblicato"). A strong hedge against counterparts that only say "can" ("é provável
que deixem de conseguir" against "non potranno più") is found by a second vote,
on strong hedges alone: the first reads both sides as hedged. A "could" against counterparts that
mostly use a conditional that reports nothing ("mogłoby działać" against "che avrebbe prolungato",
"qui aurait prolongé") is a mood, not doubt. A hedge against counterparts that give the claim as a forecast
or an estimate ("dürfte … betragen" against "selon les projections, l'inflation atteindra") is the same
uncertainty said two ways (``[hedging] forecast``). German "dürfte" is a strong hedge, not an expectation: it
never means the deontic "should". Boosters
(certainly, sicuramente) are not compared: translations add and drop them
freely. The probability comes from the calibrator.
"""
from __future__ import annotations

from .base import Candidate, FlagContext, join_names, quote
from .calibration import Finding, finder
from .cues import is_risk, says_forecast, says_threatened
from .polarity import CueFinding, _counterparts, cue_candidates, cue_next_door
from .votes import group_text


@finder("hedging")
def find_hedging(ctx: FlagContext) -> list[Finding]:
    """``hedging`` candidates: a version that hedges what the others state as fact (or the reverse)."""
    out: list[Finding] = []
    found = cue_candidates(ctx, lambda p: p.hedged, lambda c: c.kind in ("hedge", "weak", "modal", "expect"))
    seen = {(f.group.id, f.version) for f in found}
    for f in cue_candidates(ctx, lambda p: p.likely, lambda c: c.kind in ("hedge", "expect")):
        # "probably" where the others only say "can": the modal is ability, not doubt
        if (f.extra and (f.group.id, f.version) not in seen
                and all(f.profiles[w].certainty >= 2 for w in f.vote.winners)):
            found.append(f)
    for f in found:
        prof = f.profiles[f.version]
        winners = [f.profiles[w] for w in f.vote.winners]
        if f.extra or prof.hedged:
            if prof.certainty >= 2:
                continue  # hedged by "can" alone
            if prof.certainty == 1 and sum(1 for w in winners if w.conditional) * 2 >= len(winners):
                continue  # "could" where the others use a conditional ("mogłoby działać" = "avrebbe prolungato")
            if _threat_said(ctx, f, [f.version], f.vote.winners):
                continue  # "rischia di scomparire" where the others say "menacé de disparition"
            if _forecast_said(ctx, f, f.vote.winners):
                continue  # "dürfte … betragen" where the others say "selon les projections, … atteindra"
            f.features["strong"] = float(prof.hedges > 0)
            if cue_next_door(ctx, f, lambda p: int(p.hedged)):
                continue  # the hedged clause is part of a neighbouring sentence in the others (embeds: last)
        else:
            if _threat_said(ctx, f, f.vote.winners, [f.version]):
                continue  # "menacé de disparition" where the others say "rischia di scomparire"
            if _forecast_said(ctx, f, [f.version]):
                continue  # "selon les projections, … atteindra" where the others say "devrait atteindre"
            firm = [w for w in winners if w.certainty <= 1]
            if len(firm) * 2 < len(winners):
                continue  # the others hedge by "can" alone, mostly
            f.features["strong"] = sum(1.0 for w in winners if w.hedges) / max(1, len(winners))
        text = ctx.documents[f.version].text[f.span[0] : f.span[1]]
        others = join_names(f.vote.winners)
        cue = f.cue_text if f.cue_text.startswith("«") else f"«{f.cue_text}»"
        if f.extra:
            message = f"The {f.version} version hedges this ({cue}) where {others} state it as fact: {quote(text)}."
        else:
            message = (f"The {f.version} version states as fact what {others} hedge ({cue}): {quote(text)}.")
        cand = Candidate(kind="hedging", version=f.version, start=f.span[0], end=f.span[1],
                         counterparts=_counterparts(ctx, f.group, f.vote.winners), severity="medium",
                         score=0.6, message=message, group=f.group.id)
        out.append(Finding(cand, "hedging", f.features))
    return out


def _forecast_said(ctx: FlagContext, f: CueFinding, plain: list[str]) -> bool:
    """Whether most of the ``plain`` versions give the claim as a forecast or an estimate ("secondo le previsioni
    della banca", "selon les projections"): hedged by what it is, the same claim as "dürfte … betragen"."""
    said = [w for w in plain if says_forecast(group_text(ctx, f.group, w)[0], ctx.documents[w].lang)]
    return len(said) * 2 > len(plain)


def _threat_said(ctx: FlagContext, f: CueFinding, hedged: list[str], plain: list[str]) -> bool:
    """Whether the ``hedged`` versions hedge only with "risks to" cues and most of the ``plain`` ones call the
    thing threatened instead ("un mestiere che rischia di scomparire" = "un métier menacé de disparition" =
    "ginące rzemiosło"): the same claim, worded with a hedge or without one."""
    lang = {v: ctx.documents[v].lang for v in (*hedged, *plain)}
    if not all(f.cues[v] and all(is_risk(c, lang[v]) for c in f.cues[v]) for v in hedged):
        return False
    return sum(says_threatened(group_text(ctx, f.group, w)[0], lang[w]) for w in plain) * 2 > len(plain)
