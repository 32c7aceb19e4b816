/** Micronaut infrastructure shared by the mesh's services (registry, gateway, quality, lineage). */
package dev.datamesh.service;
