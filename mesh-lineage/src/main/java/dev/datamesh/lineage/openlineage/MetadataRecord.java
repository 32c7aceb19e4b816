package dev.datamesh.lineage.openlineage;

import java.util.Objects;

/**
 * One record for {@code mesh.metadata}: an OpenLineage event as JSON and its Kafka key (the dataset
 * name for dataset events, the job name for run and job events), so the events of one dataset or
 * job stay in order in one partition.
 */
public record MetadataRecord(String key, String json) {
  public MetadataRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(json, "json");
  }
}
