/**
 * Avro schema parsing, canonical and normal forms, compatibility checking, and the Confluent
 * data-contract model (metadata, rules). Plain library code without beans.
 */
package dev.datamesh.registry.schema;
