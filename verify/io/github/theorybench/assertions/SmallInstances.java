package io.github.theorybench.assertions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class whose checks run on instances smaller than the sizes CLAIMS.md gives: they pin the check's
 * mechanics (formulas, branches, controls, table and figure contents) fast enough for mutation testing, and their
 * verdicts are no evidence for or against the claim. The end-of-run claims table lists the verdicts such a class
 * asserts apart from the claim-size ones ({@link ClaimsTableListener}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SmallInstances {
}
