package io.illm.lab.bench.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the real-server run reads kube-apiserver's /metrics and /proc. */
class RealServerRunTest {

  @Test
  void theRequestCountIsTheSumOfApiserverRequestTotalAndNothingElse() {
    String metrics =
        """
        # HELP apiserver_request_total [STABLE] Counter of apiserver requests
        # TYPE apiserver_request_total counter
        apiserver_request_total{code="200",component="apiserver",verb="GET"} 12
        apiserver_request_total{code="201",component="apiserver",verb="POST"} 3
        apiserver_request_total{code="409",resource="experiments",subresource="status",verb="PATCH"} 1e+00
        apiserver_request_duration_seconds_count{verb="GET"} 99
        """;

    var counts = RealServerRun.requestCounts(metrics);
    assertEquals(16, RealServerRun.total(counts));
    assertEquals(12, counts.get("GET  200"));
    assertEquals(1, counts.get("PATCH experiments/status 409"));
  }

  @Test
  void cpuTicksAreUtimePlusStimeEvenWhenTheCommandHasSpacesAndParentheses() {
    String stat =
        "4242 (kube apiserver (x)) S 1 4242 4242 0 -1 4194560 1000 0 0 0 731 269 0 0 20 0 12 0"
            + " 5000 1000000 2000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    assertEquals(1000, RealServerRun.cpuTicks(stat));
  }
}
