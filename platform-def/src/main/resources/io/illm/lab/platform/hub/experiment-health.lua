-- ArgoCD's health of an illm-lab Experiment (experiments.illm.io), from its status: Progressing
-- while it runs (phase and step as the message), Healthy once Complete, Degraded once Failed with
-- the reason of its Degraded condition and the status message. Shipped in argocd-cm as
-- resource.customizations.health.experiments.illm.io_Experiment (module platform-def, HealthChecks).
local hs = {}
local status = obj.status
if status == nil or status.phase == nil then
  hs.status = "Progressing"
  hs.message = "Pending: waiting for the operator"
  return hs
end
if status.phase == "Complete" then
  hs.status = "Healthy"
  hs.message = status.message or "Complete"
  return hs
end
if status.phase == "Failed" then
  local reason = "Failed"
  if status.conditions ~= nil then
    for _, condition in ipairs(status.conditions) do
      if condition.type == "Degraded" and condition.reason ~= nil then
        reason = condition.reason
      end
    end
  end
  hs.status = "Degraded"
  if status.message ~= nil then
    hs.message = reason .. ": " .. status.message
  else
    hs.message = reason
  end
  return hs
end
hs.status = "Progressing"
if status.step ~= nil then
  hs.message = status.phase .. " / " .. status.step
else
  hs.message = status.phase
end
return hs
