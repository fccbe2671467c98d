# Reference forecasts from R's forecast package for test/forecast-r/forecastAgainstR.test.ts.
#
# Usage: Rscript reference.R <series.csv> <out.csv>
#   series.csv: series,frequency,h,index,value   (one row per observation, index 1..n)
#   out.csv:    series,model,field,index,value   (long format; index 0 for scalars)
#
# For every series it writes, with level = 80 (P10/P90):
#   fixed/*    fixed-parameter models from the simple start (HoltWintersZZ): ses, holt, hw additive
#   fit/*      fitted models: ses, holt, holt(damped = TRUE), hw(seasonal = "additive"), thetaf
#              (parameters, initial states, form, fitted values, forecasts, interval, sigma2)
#   theta-ses/*  the simple exponential smoothing thetaf builds on (on y, and on the multiplicatively
#              seasonally adjusted y), so the Theta formulas can be checked with fixed parameters
#   acc/*      a hold-out of the last h observations: each fitted model's forecast of them and
#              forecast::accuracy() on the training and the test set
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: Rscript reference.R <series.csv> <out.csv>")
input <- read.csv(args[1], stringsAsFactors = FALSE)
out <- file(args[2], open = "w")
writeLines("series,model,field,index,value", out)

emit <- function(series, model, field, values) {
  values <- as.numeric(values)
  if (length(values) == 0) return(invisible())
  lines <- sprintf("%s,%s,%s,%d,%.17g", series, model, field, seq_along(values), values)
  writeLines(lines, out)
}
emit1 <- function(series, model, field, value) {
  writeLines(sprintf("%s,%s,%s,0,%.17g", series, model, field, as.numeric(value)), out)
}

par_or_na <- function(model, name) {
  v <- model$par[name]
  if (is.null(v) || is.na(v)) NA_real_ else unname(v)
}

emit_forecast <- function(series, model, fc) {
  emit(series, model, "fitted", fc$fitted)
  emit(series, model, "mean", fc$mean)
  emit(series, model, "lower", fc$lower[, 1])
  emit(series, model, "upper", fc$upper[, 1])
}

emit_smoothing <- function(series, model, fc) {
  fit <- fc$model
  # Fits by the Holt-Winters recursions (HoltWintersZZ) have no likelihood; ets fits do.
  emit1(series, model, "form_ets", as.numeric(!is.null(fit$aic)))
  emit1(series, model, "damped", as.numeric(as.logical(fit$components[4])))
  for (p in c("alpha", "beta", "gamma", "phi")) emit1(series, model, p, par_or_na(fit, p))
  emit(series, model, "initstate", fit$initstate)
  emit1(series, model, "sigma2", fit$sigma2)
  emit1(series, model, "sse", sum(residuals(fit)^2))
  emit_forecast(series, model, fc)
}

quiet <- function(expr) suppressWarnings(suppressMessages(expr))

for (name in unique(input$series)) {
  rows <- input[input$series == name, ]
  rows <- rows[order(rows$index), ]
  m <- rows$frequency[1]
  h <- rows$h[1]
  y <- ts(rows$value, frequency = m)
  n <- length(y)
  seasonal_ok <- m > 1 && n >= 2 * m

  emit_smoothing(name, "fixed-ses", ses(y, h = h, initial = "simple", alpha = 0.3, level = 80))
  emit_smoothing(name, "fixed-holt", holt(y, h = h, initial = "simple", alpha = 0.3, beta = 0.1, level = 80))
  if (seasonal_ok) {
    emit_smoothing(name, "fixed-hw", hw(y, h = h, seasonal = "additive", initial = "simple",
                                       alpha = 0.3, beta = 0.1, gamma = 0.2, level = 80))
  }

  emit_smoothing(name, "fit-ses", quiet(ses(y, h = h, level = 80)))
  emit_smoothing(name, "fit-holt", quiet(holt(y, h = h, level = 80)))
  emit_smoothing(name, "fit-dampedHolt", quiet(holt(y, h = h, damped = TRUE, level = 80)))
  if (seasonal_ok) emit_smoothing(name, "fit-holtWinters", quiet(hw(y, h = h, seasonal = "additive", level = 80)))
  th <- quiet(thetaf(y, h = h, level = 80))
  emit_forecast(name, "fit-theta", th)
  emit1(name, "fit-theta", "alpha", th$model$alpha)
  emit1(name, "fit-theta", "drift", th$model$drift)

  plain <- quiet(ses(y, h = h))$model
  emit1(name, "theta-ses-plain", "alpha", par_or_na(plain, "alpha"))
  emit1(name, "theta-ses-plain", "level", plain$initstate[1])
  emit1(name, "theta-ses-plain", "form_ets", as.numeric(!is.null(plain$aic)))
  if (seasonal_ok) {
    adjusted <- seasadj(decompose(y, type = "multiplicative"))
    emit(name, "theta-ses-adjusted", "x", adjusted)
    sa <- quiet(ses(adjusted, h = h))$model
    emit1(name, "theta-ses-adjusted", "alpha", par_or_na(sa, "alpha"))
    emit1(name, "theta-ses-adjusted", "level", sa$initstate[1])
    emit1(name, "theta-ses-adjusted", "form_ets", as.numeric(!is.null(sa$aic)))
  }

  if (n - h >= 8) {
    train <- ts(y[1:(n - h)], frequency = m)
    test <- ts(y[(n - h + 1):n], frequency = m, start = tsp(train)[2] + 1 / m)
    fcs <- list(
      ses = quiet(ses(train, h = h)),
      holt = quiet(holt(train, h = h)),
      dampedHolt = quiet(holt(train, h = h, damped = TRUE)),
      theta = quiet(thetaf(train, h = h))
    )
    if (m > 1 && length(train) >= 2 * m) fcs$holtWinters <- quiet(hw(train, h = h, seasonal = "additive"))
    for (model in names(fcs)) {
      fc <- fcs[[model]]
      a <- accuracy(fc, test)
      emit(name, paste0("acc-", model), "fitted", fc$fitted)
      emit(name, paste0("acc-", model), "mean", fc$mean)
      for (measure in c("ME", "RMSE", "MAE", "MAPE", "MASE")) {
        emit1(name, paste0("acc-", model), paste0("train_", measure), a["Training set", measure])
        emit1(name, paste0("acc-", model), paste0("test_", measure), a["Test set", measure])
      }
    }
  }
}
close(out)
