<?php
/**
 * Plugin Name:       Reconnect Kit
 * Description:       Fill-in message templates from your Reconnect Kit site in posts: a shortcode and a block that writers without unfiltered_html can use, with the message as plain HTML for readers without JavaScript and for search engines.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       reconnect-kit
 *
 * @package ReconnectKit
 */

/*
 * This program is free software; you can redistribute it and/or modify it under the terms of
 * the GNU General Public License as published by the Free Software Foundation; either version 2
 * of the License, or (at your option) any later version.
 */

defined( 'ABSPATH' ) || exit;

const RECONNECT_KIT_FILE = __FILE__;

require_once __DIR__ . '/includes/contrast.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/render.php';

add_action( 'init', 'reconnect_kit_register' );
add_action( 'admin_menu', 'reconnect_kit_add_settings_page' );
add_action( 'admin_init', 'reconnect_kit_register_settings' );
add_action( 'admin_post_reconnect_kit_use_current', 'reconnect_kit_use_current_version' );
add_action( 'enqueue_block_editor_assets', 'reconnect_kit_enqueue_widget' );
add_filter( 'script_loader_tag', 'reconnect_kit_script_tag', 10, 2 );

/** The shortcode, the widget script and the block. */
function reconnect_kit_register() {
	add_shortcode( 'reconnect', 'reconnect_kit_shortcode' );
	$settings = reconnect_kit_settings();
	// Version null: the pinned address already names its version, and the stable one must not
	// get a ?ver= query that would change with WordPress's own version.
	wp_register_script( 'reconnect-kit-widget', reconnect_kit_widget_url( $settings ), array(), null, true );
	wp_register_script(
		'reconnect-kit-editor',
		plugins_url( 'block/editor.js', RECONNECT_KIT_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-server-side-render' ),
		'0.1.0',
		true
	);
	register_block_type(
		__DIR__ . '/block',
		array( 'render_callback' => 'reconnect_kit_render_block' )
	);
}

/**
 * Makes the widget's tag a module with its integrity hash (WordPress 6.1 enqueues classic
 * scripts only).
 *
 * @param string $tag    The script tag WordPress made.
 * @param string $handle Its handle.
 * @return string
 */
function reconnect_kit_script_tag( $tag, $handle ) {
	if ( 'reconnect-kit-widget' !== $handle ) {
		return $tag;
	}
	$settings = reconnect_kit_settings();
	$extra    = ' type="module"';
	if ( '' !== $settings['version'] && '' !== $settings['integrity'] ) {
		$extra .= ' integrity="' . esc_attr( $settings['integrity'] ) . '" crossorigin="anonymous"';
	}
	return str_replace( '<script ', '<script' . $extra . ' ', preg_replace( '/ type=([\'"])text\/javascript\1/', '', $tag ) );
}

/** Loads widget.js (in the footer, once however many widgets the page has). */
function reconnect_kit_enqueue_widget() {
	wp_enqueue_script( 'reconnect-kit-widget' );
}
