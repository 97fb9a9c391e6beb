package io.github.theorybench.claims;

/**
 * One calibrated number of CLAIMS.md beside what the project measures (Trust rule 4: a difference beyond 2× is
 * investigated and the answer recorded). The report reads the measured value from the rows of {@code criterion}:
 * their {@code observed} value when {@code measurement} is "observed", else the named measurement, and shows its
 * range over the rows next to the calibrated range [{@code low}, {@code high}].
 *
 * @param criterion the rows the measured number comes from
 * @param quantity what the number is, in words ("slack over t >= 1/rate")
 * @param measurement "observed", "slack" or a measurement key of those rows
 * @param low lower end of the calibrated range (equal to {@code high} for a single number)
 * @param high upper end of the calibrated range
 * @param calibrated the calibration as CLAIMS.md states it ("0.05 [0.005, 0.12], 5 seeds")
 * @param note where the project's number differs by more than 2×: the cause found, or why it differs by design
 */
public record Calibration(Criterion criterion, String quantity, String measurement, double low, double high,
        String calibrated, String note) {
}
