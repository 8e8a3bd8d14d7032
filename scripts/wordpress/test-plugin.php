<?php
/**
 * Plugin Name: Reconnect Kit test setup
 * Description: Test-only (scripts/wordpress/): lets this offline WordPress reach the kit served on
 * 127.0.0.1 as if it were the kit's real address, and sends no mail. Never shipped.
 */

defined( 'ABSPATH' ) || exit;

add_filter( 'pre_wp_mail', '__return_false' );

/*
 * The kit's pages name its production address (oEmbed discovery links, the oEmbed iframe), which
 * has no server here: requests for it go to the local kit, and so do the iframes WordPress keeps.
 */
function rk_test_local( $url ) {
	return str_replace( RK_TEST_KIT_PUBLIC, RK_TEST_KIT_LOCAL, $url );
}

add_filter(
	'pre_http_request',
	function ( $preempt, $args, $url ) {
		if ( 0 !== strpos( $url, RK_TEST_KIT_PUBLIC ) ) {
			return $preempt;
		}
		$args['reject_unsafe_urls'] = false;
		return wp_remote_request( rk_test_local( $url ), $args );
	},
	10,
	3
);
add_filter( 'oembed_result', 'rk_test_local', 5 );
add_filter( 'embed_oembed_html', 'rk_test_local' );

/* A theme page that tries to reach into the widget, and a dark background, for the browser tests. */
add_action(
	'wp_head',
	function () {
		if ( isset( $_GET['rk-look'] ) && 'dark' === $_GET['rk-look'] ) {
			echo '<style>body{background:#101014!important;color:#f2f2f2!important}</style>';
		}
		if ( isset( $_GET['rk-look'] ) && 'hostile' === $_GET['rk-look'] ) {
			echo '<style>*{font-size:30px!important;font-family:serif!important;color:#0f0!important;letter-spacing:4px!important}button{display:none!important}</style>';
		}
	}
);
