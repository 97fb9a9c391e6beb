package io.github.theorybench.claims;

import java.util.List;

/** A titled table for the Markdown report (e.g. the LAZY-10 tightness table). */
public record Table(String name, String title, List<String> header, List<List<String>> rows, String note) {
}
