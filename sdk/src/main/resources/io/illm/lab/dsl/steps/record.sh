# The load a step applied, as one JSON object: the workflow output "load", which the run's status
# keeps (status.outputs.parameters) for whoever reads the measurements.
json="{\"step\":\"$LOAD_STEP\""
for pair in $LOAD; do
  json="$json,\"${pair%%=*}\":\"${pair#*=}\""
done
json="$json}"
echo "$json"
output load "$json"
