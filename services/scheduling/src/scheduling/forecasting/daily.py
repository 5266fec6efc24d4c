"""Visits per clinic day, forecast from history with statsmodels.

Model: an ETS(A,N,A) state-space model (``statsmodels.tsa.exponential_smoothing.ets.ETSModel``),
i.e. additive Holt-Winters with a 7-day season, on the calendar-day series of visits that were
on the books (completed and no-shows). Why this one:

- The series is short (months of history, a few to a few dozen visits a day) and dominated by
  the weekly pattern (weekday mix, closed weekends) plus a slowly moving level. Exponential
  smoothing with weekly seasonality is the standard small-data method for that: two smoothing
  parameters, fitted in milliseconds, stable on a few weeks of data.
- SARIMAX needs order selection ((p,d,q)(P,D,Q)7) and longer series to estimate seasonal terms
  without overfitting; on clinic histories of a few months it buys nothing over ETS.
- The state-space form gives analytic prediction intervals, so "RNs needed at the p-th
  percentile" has a real quantile of daily visits behind it (not a fudge factor).
- No trend term: a fitted trend extrapolated one or two weeks ahead from a noisy short
  history adds variance; the level adapts through its smoothing instead.
- Additive, not multiplicative: closed days are zeros, which multiplicative seasons cannot
  hold.

Fallbacks, named in ``method``: at least ``MIN_DAYS_ETS`` days of history → ETS; at least one
week → the mean per weekday with the normal quantile of its spread ("weekday-mean"); less →
no forecast ("none": the booked visits alone).
"""

from __future__ import annotations

import math
import statistics
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

MIN_DAYS_ETS = 21  # three weekly seasons
MIN_DAYS_MEAN = 7
SEASON = 7


@dataclass(frozen=True)
class DailyForecast:
    method: str  # "ets" | "weekday-mean" | "none"
    detail: str
    history_days: int
    percentile: float
    point: list[float] = field(default_factory=list)  # per horizon day
    upper: list[float] = field(default_factory=list)  # the percentile per horizon day


def forecast_daily(history: Sequence[float], horizon: int, percentile: float) -> DailyForecast:
    """Visits for each of the ``horizon`` calendar days after ``history`` (one value per
    calendar day, oldest first, closed days 0), and their ``percentile`` (0.5..0.99)."""
    if not 0.5 <= percentile < 1:
        raise ValueError("percentile must be in [0.5, 1)")
    n = len(history)
    why = f"{n} days of history: fewer than {MIN_DAYS_ETS} for the ETS model"
    if n >= MIN_DAYS_ETS and not any(history):
        why = f"no visit in {n} days of history: nothing for the ETS model to fit"
    elif n >= MIN_DAYS_ETS:
        try:
            return _ets(history, horizon, percentile)
        except (ValueError, ArithmeticError, RuntimeError) as exc:  # an estimation failure
            why = f"the ETS model could not be fitted ({type(exc).__name__})"
    if n >= MIN_DAYS_MEAN:
        return _weekday_mean(history, horizon, percentile, why)
    return DailyForecast(method="none", detail=f"{n} days of history: fewer than "
                         f"{MIN_DAYS_MEAN}, no forecast (booked visits only)",
                         history_days=n, percentile=percentile,
                         point=[0.0] * horizon, upper=[0.0] * horizon)


def preload() -> None:
    """Import statsmodels (and pandas, scipy) now. They take seconds to import, longer than a
    request may wait behind the gateway: the service preloads them once booted
    (SCHEDULING_PRELOAD_MODELS), so no forecast request pays for it."""
    import pandas  # noqa: F401
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel  # noqa: F401


def _ets(history: Sequence[float], horizon: int, percentile: float) -> DailyForecast:
    import pandas as pd
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    n = len(history)
    y = pd.Series([float(v) for v in history], index=pd.RangeIndex(n))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter; the fit is checked below
        model = ETSModel(y, error="add", trend=None, seasonal="add", seasonal_periods=SEASON)
        fit = model.fit(disp=False)
        frame = fit.get_prediction(start=n, end=n + horizon - 1).summary_frame(
            alpha=2 * (1 - percentile) if percentile > 0.5 else 0.999)
    point = [max(0.0, float(v)) for v in frame["mean"]]
    upper = point if percentile == 0.5 else [max(0.0, float(v)) for v in frame["pi_upper"]]
    if not all(math.isfinite(v) for v in point + upper):
        raise ArithmeticError("non-finite forecast")
    alpha, gamma = float(fit.params[0]), float(fit.params[1])
    return DailyForecast(
        method="ets", history_days=n, percentile=percentile, point=point, upper=upper,
        detail=f"statsmodels ETSModel(error=add, trend=None, seasonal=add, period=7) on {n} "
               f"days; alpha={alpha:.3f}, gamma={gamma:.3f}, aic={float(fit.aic):.1f}")


def _weekday_mean(history: Sequence[float], horizon: int, percentile: float,
                  why: str) -> DailyForecast:
    n = len(history)
    z = statistics.NormalDist().inv_cdf(percentile)
    point, upper = [], []
    for h in range(horizon):
        same = [float(history[i]) for i in range((n + h) % SEASON, n, SEASON)]
        mean = statistics.fmean(same) if same else 0.0
        spread = statistics.stdev(same) if len(same) > 1 else math.sqrt(mean)
        point.append(mean)
        upper.append(mean + z * spread)
    return DailyForecast(
        method="weekday-mean", history_days=n, percentile=percentile, point=point, upper=upper,
        detail=f"{why}; mean per weekday with a normal quantile of its spread")
