# One image for every mesh service; the command picks the service:
#   docker run ... datamesh/mesh registry | gateway | quality | lineage
# Built by docker-compose.yml (docker compose up --build).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true -pl mesh-cli -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 mesh && mkdir -p /var/lib/mesh && chown mesh /var/lib/mesh
WORKDIR /opt/mesh
COPY --from=build /src/mesh-cli/target/mesh.jar /opt/mesh/mesh.jar
COPY --from=build /src/mesh-cli/target/lib /opt/mesh/lib
USER mesh
# Quality streams keep their state here; mount a volume to keep it across restarts.
ENV MESH_QUALITY_STATE_DIR=/var/lib/mesh/quality
VOLUME /var/lib/mesh
EXPOSE 8080 8081 8082 8083
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/mesh/mesh.jar"]
CMD ["--help"]
