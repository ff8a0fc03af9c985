# One HTTP GET to a Service of the experiment through the target's API server (its service proxy):
# fails the step unless it answers.
path="/api/v1/namespaces/$EXPERIMENT_NAME/services/$SERVICE:$PORT/proxy$URL_PATH"
echo "GET $path on $TARGET"
body=$(on "$TARGET" "$ENDPOINT" get --raw "$path")
echo "$body" | head -c 300
echo
output smoke "ok"
