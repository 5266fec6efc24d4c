# syntax=docker/dockerfile:1
# Chairside gateway: build from the repository root, e.g.
#   docker build -f deploy/docker/gateway.Dockerfile -t chairside/gateway:0.1.0 .
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- build: the third-party packages from the hashed runtime lock, then the workspace packages
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 UV_NO_CACHE=1 UV_LINK_MODE=copy
RUN python -m pip install uv==0.13.9
WORKDIR /src
COPY requirements-runtime.lock requirements-build.lock ./
# --require-hashes: a package whose hash is not in the lock is refused. The runtime lock has no
# test tooling (requirements.lock's dev group); the build lock is the packages' build backend.
RUN uv venv /opt/venv --python /usr/local/bin/python \
 && uv pip sync --python /opt/venv/bin/python --require-hashes \
    requirements-runtime.lock requirements-build.lock
COPY shared/ shared/
COPY services/gateway/ services/gateway/
# Not editable: the package (code, migrations, seed data) is copied into the venv.
RUN uv pip install --python /opt/venv/bin/python --no-deps --no-build-isolation \
    ./shared ./services/gateway \
 && uv pip uninstall --python /opt/venv/bin/python -r requirements-build.lock

# --- run: the venv only, as an unprivileged user
FROM ${PYTHON_IMAGE}
RUN groupadd --system --gid 10001 chairside \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin chairside
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    GATEWAY_HOST=0.0.0.0 GATEWAY_PORT=8000
WORKDIR /app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=2).status != 200)"]
ENTRYPOINT ["python", "-m", "gateway"]
CMD ["serve"]
