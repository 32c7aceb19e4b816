package dev.datamesh.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
final class MeshVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = MeshVersion.class.getPackage().getImplementationVersion();
    return new String[] {
      "mesh " + (version != null ? version : "development"),
      "Java " + System.getProperty("java.version")
    };
  }
}
