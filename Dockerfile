FROM python:3.11-slim
WORKDIR /app
COPY requirements.lock pyproject.toml README.md ./
RUN pip install --no-cache-dir -r requirements.lock
COPY . .
RUN pip install --no-cache-dir --no-deps -e .
USER nobody
EXPOSE 8000
CMD ["provkg", "serve", "--host", "0.0.0.0", "--port", "8000"]
