package io.github.theorybench.linalg;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Library versions read from the pom.properties Maven puts in every jar. */
public final class LibraryVersions {
    private LibraryVersions() {
    }

    public static String mavenVersion(String groupId, String artifactId) {
        String path = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = LibraryVersions.class.getResourceAsStream(path)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
