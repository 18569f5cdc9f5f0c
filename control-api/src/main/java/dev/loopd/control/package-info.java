/** The loopd control API: tenants, handlers, pools, invoke routing and pool telemetry. */
package dev.loopd.control;
