# The provkg API and CLI for a Neo4j-backed deployment (docker-compose.yml). Runtime dependencies
# only: the project's own install requirements, pinned to requirements.lock's versions (the lock
# also pins the test and lint tools, which stay out of the image).
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY requirements.lock pyproject.toml README.md ontology.ttl shapes.ttl ./
COPY core ./core
COPY graph ./graph
COPY ingest ./ingest
COPY api ./api
COPY cli ./cli
COPY queries ./queries
# editable: settings find ontology.ttl beside the packages, in /app
RUN pip install --no-cache-dir -c requirements.lock -e .
USER nobody
EXPOSE 8000
CMD ["provkg", "serve", "--host", "0.0.0.0", "--port", "8000"]
